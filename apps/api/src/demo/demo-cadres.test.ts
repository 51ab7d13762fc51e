import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CadreBoard, type TownStructure, type VillageCadres } from '@dj/contracts';
import { createTestContext, orgIds, type Session, type TestContext } from '../../test/context.js';
import { ADJUSTMENT_VILLAGE, ASSIGNED_SECRETARY_VILLAGES, FIRST_SECRETARY_VILLAGES } from './demo-cadres.js';
import { EMPLOYED_SECRETARY_VILLAGES, SERVICE_TEAM } from './demo-cadre-structure.js';

let ctx: TestContext;
let admin: Session;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

describe('demo 村干部 of 西王庄镇', () => {
  it('fills both committees of all 18 villages, with 选派 secretaries in three, a 第一书记 in two and one secretary on the adjustment list', async () => {
    const board = (await admin.get('/api/cadres/board')).json() as CadreBoard;
    expect(board.villages).toHaveLength(18);
    expect(board.villages.every((v) => v.secretary && v.director)).toBe(true);
    expect(board.totals).toMatchObject({ villages: 18, withoutSecretary: 0, combined: 12 });
    const assigned = board.assigned.filter((a) => a.post === 'secretary').map((a) => a.organizationName.replace('党支部', '')).sort();
    expect(assigned).toEqual([...ASSIGNED_SECRETARY_VILLAGES].sort());
    expect(board.assigned.filter((a) => a.post === 'first_secretary').map((a) => a.organizationName.replace('党支部', '')).sort()).toEqual(Object.keys(FIRST_SECRETARY_VILLAGES).sort());
    expect(board.assigned[0].daysLeft, 'one period ends within the warning').toBeLessThanOrEqual(board.dueDays);
    expect(board.adjustments.map((a) => [a.organizationName, a.decision])).toEqual([[`${ADJUSTMENT_VILLAGE}党支部`, null]]);
  });

  it('has non-member 村委会 members as persons, and the secretary of 营子村 reads their own village', async () => {
    const yingzi = await ctx.signIn('yingzi');
    const v = (await yingzi.get(`/api/cadres/villages/${ids['营子村党支部']}`)).json() as VillageCadres;
    expect(v.combined).not.toBeNull();
    expect(v.current.filter((h) => h.post === 'committee_member').map((h) => h.isMember).sort()).toEqual([false, true]);
    expect(v.history.length).toBeGreaterThanOrEqual(v.current.length);
    expect((await yingzi.get(`/api/cadres/villages/${ids['西花沟村党支部']}`)).statusCode).toBe(404);
  });

  it('has 学历 and 本土人才 for the structure, two secretaries with 事业编待遇 and a 服务队 with one period ending soon', async () => {
    const structure = (await admin.get('/api/cadres/structure')).json() as TownStructure;
    expect(structure.villages).toHaveLength(18);
    expect(structure.figures.educationUnknown, 'every cadre has a 学历').toBe(0);
    expect(structure.figures.localTalent).toBeGreaterThan(0);
    expect(structure.figures.combinedSharePct).toBeGreaterThan(0);
    const board = (await admin.get('/api/cadres/board')).json() as CadreBoard;
    expect(board.employment).toMatchObject({ careerTreatment: 2, secretaries: 2, employed: 4 });
    for (const v of EMPLOYED_SECRETARY_VILLAGES) {
      const page = (await admin.get(`/api/cadres/villages/${ids[`${v}党支部`]}`)).json() as VillageCadres;
      const secretary = page.current.find((h) => h.post === 'secretary')!;
      expect(page.employments.find((e) => e.cadrePostId === secretary.id)).toMatchObject({ careerTreatment: true });
    }
    expect(board.serviceTeam).toHaveLength(4);
    expect(board.serviceTeam.every((m) => m.teamName === SERVICE_TEAM && m.villages.length >= 2)).toBe(true);
    expect(board.serviceTeam[0].daysLeft).toBeLessThanOrEqual(board.dueDays);
  });
});
