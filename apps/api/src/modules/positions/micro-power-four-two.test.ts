import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, personOf, multipartBody, type Town } from '../../../test/factories.js';
import { ensureMicroPowerTemplate } from './routes.js';

/** 小微权力清单 and 四议两公开 through the API against the real database. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
/** A town of its own: it starts without a 小微权力清单, so the first read meets the template step. */
let town: Town;
let admin: Session;
let secretary: Session;
let otherSecretary: Session;
/** A party member of the secretary's village, signed in with the member role. */
let member: Session;
let village: number;
const ok = (res: { statusCode: number; body: string; json: () => Json }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const q = async (sql: string, params: unknown[] = []) => (await ctx.pool.query(sql, params)).rows;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  admin = town.admin;
  village = (await createBranch(town)).id;
  const other = await createBranch(town);
  secretary = (await createUser(town, 'branch_secretary', [village])).session;
  otherSecretary = (await createUser(town, 'branch_secretary', [other.id])).session;
  const personId = await personOf(ctx, await createMember(town, village));
  member = (await createUser(town, 'member', [village], { personId })).session;
});
afterAll(async () => { await ctx.close(); });

describe('小微权力清单', () => {
  let items: Json[];
  let useId: number;

  it('the first read gives the town the 宁海 36-item template once; the seed helper may call it too', async () => {
    const first = ok(await secretary.get('/api/micro-power/items'));
    items = first.items;
    expect(items).toHaveLength(36);
    expect(new Set(items.map((i) => i.area)).size).toBe(11);
    expect(first.can.editItems).toBe(false);
    const tenantId = town.tenantId;
    expect(await ensureMicroPowerTemplate(ctx.db, tenantId)).toBe(0);
    expect(ok(await admin.get('/api/micro-power/items')).items).toHaveLength(36);
    expect((await q('select count(*)::int as n from micro_power_items where tenant_id = $1', [tenantId]))[0].n).toBe(36);
  });

  it('only the town admin adds or edits items; a duplicate name is refused', async () => {
    const body = { area: '村级重大事项决策', name: '村级公益事业一事一议', legalBasis: '本省一事一议筹资筹劳管理办法', steps: ['提出方案', '村民会议表决', '报镇审核', '公开'] };
    expect((await secretary.post('/api/micro-power/items', body)).statusCode).toBe(403);
    const created = ok(await admin.post('/api/micro-power/items', body));
    expect(created).toMatchObject({ name: '村级公益事业一事一议', active: true });
    const dup = await admin.post('/api/micro-power/items', body);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0].path).toBe('name');
    expect(ok(await admin.patch(`/api/micro-power/items/${created.id}`, { active: false })).active).toBe(false);
    expect((await admin.patch(`/api/micro-power/items/${created.id}`, { steps: ['只有一步'] })).statusCode).toBe(400);
  });

  it('a village adopts items; another village cannot; an item it has not adopted cannot be used', async () => {
    const homestead = items.find((i) => i.name === '农村村民建房(宅基地)申请')!;
    const low = items.find((i) => i.name === '最低生活保障申请')!;
    const saved = ok(await secretary.request('PUT', `/api/micro-power/adoptions/by-org/${village}`, { itemIds: [homestead.id, low.id], adoptedOn: '2024-01-02' }));
    expect(saved.items.map((a: Json) => a.itemId).sort()).toEqual([homestead.id, low.id].sort());
    expect((await otherSecretary.request('PUT', `/api/micro-power/adoptions/by-org/${village}`, { itemIds: [] })).statusCode).toBe(404);
    const notAdopted = await secretary.post('/api/micro-power/uses', { organizationId: village, itemId: items[0].id, subject: '未采用', startedOn: '2024-02-01' });
    expect(notAdopted.statusCode).toBe(400);
    expect(notAdopted.json().fields[0].path).toBe('itemId');
    const use = ok(await secretary.post('/api/micro-power/uses', { organizationId: village, itemId: homestead.id, subject: '村民王某建房申请', startedOn: '2024-02-01' }));
    useId = use.id;
    expect(use).toMatchObject({ nextStepIndex: 0, status: 'in_progress', publishable: false, itemName: '农村村民建房(宅基地)申请' });
    expect(ok(await secretary.get(`/api/micro-power/items?orgId=${village}`)).adoptions).toHaveLength(1);
    expect((await otherSecretary.get(`/api/micro-power/items?orgId=${village}`)).statusCode).toBe(404);
    // An adoption with uses cannot be withdrawn.
    const withdraw = await secretary.request('PUT', `/api/micro-power/adoptions/by-org/${village}`, { itemIds: [low.id] });
    expect(withdraw.statusCode).toBe(400);
    expect(withdraw.json().message).toContain('农村村民建房(宅基地)申请');
  });

  it('steps are recorded in order, never dated before the previous one', async () => {
    const skip = await secretary.post(`/api/micro-power/uses/${useId}/steps`, { index: 1, doneOn: '2024-02-02', by: '王某' });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().message).toContain('第1步"农户提出书面申请"');
    const beforeStart = await secretary.post(`/api/micro-power/uses/${useId}/steps`, { index: 0, doneOn: '2024-01-31', by: '王某' });
    expect(beforeStart.json().fields[0].path).toBe('doneOn');
    ok(await secretary.post(`/api/micro-power/uses/${useId}/steps`, { index: 0, doneOn: '2024-02-01', by: '王某' }));
    const back = await secretary.post(`/api/micro-power/uses/${useId}/steps`, { index: 1, doneOn: '2024-01-31', by: '村民小组' });
    expect(back.statusCode).toBe(400);
    expect(back.json().message).toContain('2024-02-01');
    const two = ok(await secretary.post(`/api/micro-power/uses/${useId}/steps`, { index: 1, doneOn: '2024-02-05', by: '第三村民小组', note: '全票同意' }));
    expect(two.done.map((d: Json) => d.name)).toEqual(['农户提出书面申请', '村民小组会议讨论']);
    expect(two.nextStepIndex).toBe(2);
    expect((await otherSecretary.post(`/api/micro-power/uses/${useId}/steps`, { index: 2, doneOn: '2024-02-06', by: '越权' })).statusCode).toBe(404);
    // The town cannot shorten the flow below the steps already done.
    const homestead = items.find((i) => i.name === '农村村民建房(宅基地)申请')!;
    const shorter = await admin.patch(`/api/micro-power/items/${homestead.id}`, { steps: ['申请'] });
    expect(shorter.statusCode).toBe(400);
  });

  it('publishable is set by the village; lists are scoped and a member sees none', async () => {
    expect(ok(await secretary.patch(`/api/micro-power/uses/${useId}`, { publishable: true })).publishable).toBe(true);
    expect((await otherSecretary.patch(`/api/micro-power/uses/${useId}`, { publishable: false })).statusCode).toBe(404);
    expect(ok(await secretary.get('/api/micro-power/uses')).items.map((u: Json) => u.id)).toContain(useId);
    expect(ok(await otherSecretary.get('/api/micro-power/uses')).items.map((u: Json) => u.id)).not.toContain(useId);
    expect(ok(await member.get('/api/micro-power/uses')).items).toEqual([]);
    expect(ok(await member.get('/api/micro-power/items')).adoptions).toEqual([]);
  });
});

describe('四议两公开', () => {
  let id: number;
  const stage = (s: Session, body: Json) => s.post(`/api/four-two/${id}/stages`, body);

  it('a village matter goes through 提议 and 商议 in order', async () => {
    const created = ok(await secretary.post('/api/four-two', { organizationId: village, title: '村集体机动地对外承包', category: 'land_assets' }));
    id = created.id;
    expect(created).toMatchObject({ status: 'open', nextStage: 'proposal', thresholds: { reviewQuorumPercent: 67, reviewApprovePercent: 50 } });
    expect((await stage(secretary, { stage: 'review', heldOn: '2024-03-01', vote: { eligible: 9, present: 9, yes: 9, no: 0, abstain: 0 } })).json().fields[0].path).toBe('stage');
    ok(await stage(secretary, { stage: 'proposal', heldOn: '2024-03-01' }));
    const early = await stage(secretary, { stage: 'consultation', heldOn: '2024-02-28' });
    expect(early.json().fields[0].path).toBe('heldOn');
    expect(ok(await stage(secretary, { stage: 'consultation', heldOn: '2024-03-05' })).nextStage).toBe('review');
  });

  it('审议 below the quorum setting is refused "到会不足…" and nothing is written; the vote needs to add up', async () => {
    const count = async () => (await q('select count(*)::int as n from four_two_stages where procedure_id = $1', [id]))[0].n;
    const before = await count();
    const short = await stage(secretary, { stage: 'review', heldOn: '2024-03-10', vote: { eligible: 30, present: 19, yes: 19, no: 0, abstain: 0 } });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toMatch(/^到会不足/);
    expect(short.json().fields[0].path).toBe('vote.present');
    const noVote = await stage(secretary, { stage: 'review', heldOn: '2024-03-10' });
    expect(noVote.json().fields[0].path).toBe('vote');
    const sums = await stage(secretary, { stage: 'review', heldOn: '2024-03-10', vote: { eligible: 30, present: 25, yes: 20, no: 5, abstain: 1 } });
    expect(sums.json().fields[0].path).toBe('vote.yes');
    expect(await count()).toBe(before);
  });

  it('the town setting changes the quorum: with 60% the same 19 of 30 may decide', async () => {
    ok(await admin.patch('/api/settings/fourTwo.reviewQuorumPercent', { value: 60 }));
    const passed = ok(await stage(secretary, { stage: 'review', heldOn: '2024-03-10', vote: { eligible: 30, present: 19, yes: 15, no: 3, abstain: 1 } }));
    expect(passed.stages.at(-1)).toMatchObject({ stage: 'review', passed: true });
    expect(passed.thresholds.reviewQuorumPercent).toBe(60);
  });

  it('决议 by the 村民代表会议 passes with more than half of those present (村民委员会组织法第二十二条/第二十六条); then the two disclosures finish it', async () => {
    const noBody = await stage(secretary, { stage: 'resolution', heldOn: '2024-03-15', vote: { eligible: 40, present: 30, yes: 16, no: 14, abstain: 0 } });
    expect(noBody.json().fields[0].path).toBe('body');
    const r = ok(await stage(secretary, { stage: 'resolution', heldOn: '2024-03-15', body: 'representatives_meeting', vote: { eligible: 40, present: 30, yes: 16, no: 14, abstain: 0 } }));
    expect(r.stages.at(-1)).toMatchObject({ stage: 'resolution', passed: true, body: 'representatives_meeting' });
    const withVote = await stage(secretary, { stage: 'resolution_disclosure', heldOn: '2024-03-16', vote: { eligible: 1, present: 1, yes: 1, no: 0, abstain: 0 } });
    expect(withVote.json().fields[0].path).toBe('vote');
    ok(await stage(secretary, { stage: 'resolution_disclosure', heldOn: '2024-03-16' }));
    const done = ok(await stage(secretary, { stage: 'result_disclosure', heldOn: '2024-09-30', note: '承包合同已签订,租金已入账' }));
    expect(done).toMatchObject({ status: 'done', nextStage: null });
    expect((await stage(secretary, { stage: 'result_disclosure', heldOn: '2024-10-01' })).statusCode).toBe(409);
  });

  it('a file per stage: uploaded after the stage, readable only in scope', async () => {
    const detail = ok(await secretary.get(`/api/four-two/${id}`));
    const review = detail.stages.find((s: Json) => s.stage === 'review');
    const pdf = Buffer.from('%PDF-1.4 党员大会记录');
    const { payload, headers } = multipartBody({ data: pdf, name: '党员大会记录.pdf' });
    const up = ok(await secretary.request('POST', `/api/four-two/${id}/stages/${review.id}/file`, payload, headers));
    expect(up.stages.find((s: Json) => s.id === review.id).file).toEqual({ name: '党员大会记录.pdf', mime: 'application/pdf' });
    const down = await secretary.get(`/api/four-two/${id}/stages/${review.id}/file`);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await otherSecretary.get(`/api/four-two/${id}/stages/${review.id}/file`)).statusCode).toBe(404);
    expect((await otherSecretary.request('POST', `/api/four-two/${id}/stages/${review.id}/file`, payload, headers)).statusCode).toBe(404);
  });

  it('a failed 审议 ends the procedure as rejected', async () => {
    const p = ok(await secretary.post('/api/four-two', { organizationId: village, title: '村集体资产出售', category: 'other' }));
    await secretary.post(`/api/four-two/${p.id}/stages`, { stage: 'proposal', heldOn: '2024-04-01' });
    await secretary.post(`/api/four-two/${p.id}/stages`, { stage: 'consultation', heldOn: '2024-04-02' });
    const failed = ok(await secretary.post(`/api/four-two/${p.id}/stages`, { stage: 'review', heldOn: '2024-04-03', vote: { eligible: 20, present: 20, yes: 10, no: 8, abstain: 2 } }));
    expect(failed).toMatchObject({ status: 'rejected', nextStage: null });
    expect((await secretary.post(`/api/four-two/${p.id}/stages`, { stage: 'resolution', heldOn: '2024-04-04', body: 'villagers_meeting', vote: { eligible: 10, present: 10, yes: 10, no: 0, abstain: 0 } })).statusCode).toBe(409);
  });

  it('scope: the other village\'s secretary gets 404 on this village\'s matters and does not see them; a member sees none', async () => {
    expect((await otherSecretary.get(`/api/four-two/${id}`)).statusCode).toBe(404);
    expect((await otherSecretary.get(`/api/four-two?orgId=${village}`)).statusCode).toBe(404);
    expect((await otherSecretary.post('/api/four-two', { organizationId: village, title: '越权', category: 'other' })).statusCode).toBe(404);
    expect(ok(await otherSecretary.get('/api/four-two')).items.map((p: Json) => p.id)).not.toContain(id);
    expect(ok(await member.get('/api/four-two')).items).toEqual([]);
    expect(ok(await admin.get('/api/four-two')).items.map((p: Json) => p.id)).toContain(id);
    const audit = await q(`select action from audit_events where object_type = 'four_two_procedure' and object_id = $1`, [String(id)]);
    expect(audit.filter((a) => a.action === 'four_two.stage')).toHaveLength(6);
  });
});
