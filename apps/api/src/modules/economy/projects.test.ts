import exifr from 'exifr';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import { createBranch, createSupervisor, createTown, createUser, multipartBody, type Branch, type Town } from '../../../test/factories.js';
import { endedPeriods } from '../disclosure/index.js';

/**
 * Issue 18 point 5: a village's collective projects: investment and funding rows, dated stages in order, 验收, yearly
 * 收益, photos stored without their location, and links to the village's own 四议两公开 and published 三务公开.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
let supervisorA: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const WAN = 1_000_000;
const project = (orgId: number, over: Json = {}) => ({
  organizationId: orgId, name: '木耳大棚二期', investmentFen: 80 * WAN, stage: 'building', approvedOn: '2024-03-01', startedOn: '2024-05-10',
  funding: [{ source: '财政衔接资金', amountFen: 50 * WAN }, { source: '村集体自筹', amountFen: 30 * WAN }], ...over,
});
const edit = (p: Json, over: Json = {}) => {
  const { organizationId: _o, ...rest } = project(p.organizationId);
  return { ...rest, ...over };
};

async function ok(res: Awaited<ReturnType<Session['get']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A phone photo with its GPS position in EXIF, which must not reach the database. */
const gpsPhoto = () => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 140, b: 60 } } })
  .withExif({ IFD0: { Make: 'TestPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 33/1 0/1' } }).jpeg().toBuffer();

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town);
  b = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
  ({ session: supervisorA } = await createSupervisor(town, [a.id]));
});
afterAll(async () => { await ctx.close(); });

/** Row-level security as the backstop: as the platform's role under village `orgId`'s setting, these tables show only that village's rows. */
async function rowsSeenBy(orgId: number, tables: string[]) {
  const [{ path }] = (await ctx.pool.query('select path from organizations where id = $1', [orgId])).rows;
  return withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [path] }), async () => {
    const seen: Record<string, number[]> = {};
    for (const t of tables) seen[t] = [...new Set((await ctx.appDb.execute(sql.raw(`select organization_id from ${t}`))).rows.map((r) => Number(r.organization_id)))];
    return seen;
  });
}

describe('18.5 村级项目', () => {
  let made: Json;

  it('18.5 a project with its funding rows and dated stages; 验收 needs the stage and dates in order', async () => {
    made = await ok(await secretaryA.post('/api/economy/projects', project(a.id)));
    expect(made).toMatchObject({ stage: 'building', investmentFen: 80 * WAN, funding: [{ source: '财政衔接资金' }, { source: '村集体自筹' }], acceptedOn: null, can: { edit: true } });
    const early = await secretaryA.patch(`/api/economy/projects/${made.id}`, edit(made, { stage: 'accepted', acceptedOn: '2024-04-01' }));
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('验收日期不能早于开工日期');
    const missing = await secretaryA.patch(`/api/economy/projects/${made.id}`, edit(made, { stage: 'operating', acceptedOn: '2024-10-01' }));
    expect(missing.json().message).toContain('投入运营日期');
    const beyond = await secretaryA.patch(`/api/economy/projects/${made.id}`, edit(made, { acceptedOn: '2024-10-01' }));
    expect(beyond.json().message).toContain('不填验收日期');
    const future = await secretaryA.patch(`/api/economy/projects/${made.id}`, edit(made, { startedOn: '2999-01-01' }));
    expect(future.json().message).toContain('不能晚于今天');
    const accepted = await ok(await secretaryA.patch(`/api/economy/projects/${made.id}`, edit(made, { stage: 'accepted', acceptedOn: '2024-10-01', acceptanceNote: '镇农业站验收合格' })));
    expect(accepted).toMatchObject({ stage: 'accepted', acceptedOn: '2024-10-01', acceptanceNote: '镇农业站验收合格' });
    const [line] = (await ctx.pool.query(`select detail from audit_events where action = 'economy.project.update' order by id desc limit 1`)).rows;
    expect(line.detail).toMatchObject({ from: { stage: 'building' }, to: { stage: 'accepted' } });
  });

  it('18.5 yearly 收益 set, corrected (audited with what it replaced) and summed', async () => {
    await ok(await secretaryA.request('PUT', `/api/economy/projects/${made.id}/incomes/2024`, { amountFen: 3 * WAN }));
    await ok(await secretaryA.request('PUT', `/api/economy/projects/${made.id}/incomes/2025`, { amountFen: 5 * WAN, note: '大棚租金' }));
    const fixed = await ok(await secretaryA.request('PUT', `/api/economy/projects/${made.id}/incomes/2025`, { amountFen: 6 * WAN, note: '大棚租金' }));
    expect(fixed.incomes).toEqual([{ year: 2024, amountFen: 3 * WAN, note: null }, { year: 2025, amountFen: 6 * WAN, note: '大棚租金' }]);
    expect(fixed.incomeFen).toBe(9 * WAN);
    const [line] = (await ctx.pool.query(`select detail from audit_events where action = 'economy.project.income' order by id desc limit 1`)).rows;
    expect(line.detail).toMatchObject({ year: 2025, amountFen: 6 * WAN, was: 5 * WAN });
    expect((await secretaryA.request('PUT', `/api/economy/projects/${made.id}/incomes/1999`, { amountFen: 1 })).statusCode).toBe(400);
  });

  it('18.5 a photo is stored without its location or device, and served to the village readers only', async () => {
    const input = await gpsPhoto();
    expect(await exifr.gps(input)).toBeTruthy();
    const body = multipartBody({ data: input, name: '大棚.jpg' });
    const withPhoto = await ok(await secretaryA.request('POST', `/api/economy/projects/${made.id}/photos?caption=${encodeURIComponent('二期大棚')}`, body.payload, body.headers));
    expect(withPhoto.photos).toMatchObject([{ caption: '二期大棚' }]);
    const photoUrl = `/api/economy/projects/${made.id}/photos/${withPhoto.photos[0].id}`;
    const served = await supervisorA.get(photoUrl);
    expect(served.statusCode).toBe(200);
    const stored = served.rawPayload;
    expect(await exifr.parse(stored, { tiff: true, exif: true, gps: true })).toBeUndefined();
    expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    const [line] = (await ctx.pool.query(`select detail from audit_events where action = 'economy.project.photo'`)).rows;
    expect(line.detail).toMatchObject({ hadLocation: true });
    expect((await secretaryB.get(photoUrl)).statusCode).toBe(404);
    const upload = multipartBody({ data: input, name: '大棚.jpg' });
    expect((await supervisorA.request('POST', `/api/economy/projects/${made.id}/photos`, upload.payload, upload.headers)).statusCode).toBe(403);
    expect((await secretaryB.request('POST', `/api/economy/projects/${made.id}/photos`, upload.payload, upload.headers)).statusCode).toBe(404);
  });

  it('18.5 links: the village own 四议两公开, and its 三务公开 only once published', async () => {
    const fourTwo = async (s: Session, orgId: number) => ok(await s.post('/api/four-two', { organizationId: orgId, title: '木耳大棚二期建设', category: 'other' }));
    const [ownFt, otherFt] = [await fourTwo(secretaryA, a.id), await fourTwo(secretaryB, b.id)];
    const period = endedPeriods('monthly', todayInShanghai(), 1)[0];
    const disclosure = await ok(await secretaryA.post('/api/disclosures', {
      organizationId: a.id, category: 'finance', ruleKey: 'finance_monthly', period, title: `${period}木耳大棚收支公开`, content: '大棚租金收入 60000 元。',
    }));
    expect((await secretaryB.patch(`/api/economy/projects/${made.id}`, edit(made, { fourTwoId: otherFt.id }))).statusCode).toBe(404);
    const foreign = await secretaryA.patch(`/api/economy/projects/${made.id}`, edit(made, { fourTwoId: otherFt.id }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('本村的四议两公开');
    const early = await secretaryA.patch(`/api/economy/projects/${made.id}`, edit(made, { disclosureId: disclosure.id }));
    expect(early.json().message).toContain('尚未公开');
    await ok(await secretaryA.post(`/api/disclosures/${disclosure.id}/submit`, {}));
    await ok(await supervisorA.post(`/api/disclosures/${disclosure.id}/review`, { note: '已保密审查' }));
    await ok(await town.admin.post(`/api/disclosures/${disclosure.id}/approve`, {}));
    await ok(await secretaryA.post(`/api/disclosures/${disclosure.id}/publish`, {}));
    const options = await ok(await secretaryA.get(`/api/economy/villages/${a.id}/link-options`));
    expect(options.fourTwo.map((f: Json) => f.id)).toEqual([ownFt.id]);
    expect(options.disclosures.map((d: Json) => d.id)).toEqual([disclosure.id]);
    const linked = await ok(await secretaryA.patch(`/api/economy/projects/${made.id}`, edit(made, { fourTwoId: ownFt.id, disclosureId: disclosure.id })));
    expect(linked.fourTwo).toEqual({ id: ownFt.id, title: '木耳大棚二期建设' });
    expect(linked.disclosure).toMatchObject({ id: disclosure.id, period });
  });

  it('18.5 lists per village in scope: another secretary sees none of it, a supervisor reads without edit', async () => {
    await ok(await town.admin.post('/api/economy/projects', project(b.id, { name: '光伏发电', stage: 'approved', startedOn: null })));
    const ofB = await ok(await secretaryB.get('/api/economy/projects'));
    expect(ofB.items.map((p: Json) => p.name)).toEqual(['光伏发电']);
    expect((await secretaryB.get(`/api/economy/projects/${made.id}`)).statusCode).toBe(404);
    const seen = await ok(await supervisorA.get('/api/economy/projects'));
    expect(seen.items.map((p: Json) => [p.name, p.can.edit])).toEqual([['木耳大棚二期', false]]);
    expect((await supervisorA.patch(`/api/economy/projects/${made.id}`, edit(made))).statusCode).toBe(403);
  });

  it('18.5 row-level security: under a village\'s setting the project, income and photo tables show only its rows', async () => {
    const seen = await rowsSeenBy(b.id, ['economy_projects', 'economy_project_incomes', 'economy_project_photos']);
    for (const rows of Object.values(seen)) expect(rows.every((id) => id === b.id), JSON.stringify(seen)).toBe(true);
    const other = await rowsSeenBy(a.id, ['economy_projects', 'economy_project_incomes', 'economy_project_photos']);
    expect(Object.values(other).every((rows) => rows.length === 1 && rows[0] === a.id), JSON.stringify(other)).toBe(true);
  });
});
