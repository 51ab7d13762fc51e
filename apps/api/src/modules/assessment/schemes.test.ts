import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, CreateAssessmentSchemeSchema, FORBIDDEN_MEASURE_REASON, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, type Town } from '../../../test/factories.js';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import { exampleSchemes } from './examples.js';
import * as repo from './repository.js';

/**
 * Issue 16 point 1 (schemes as data) and the refusal of forbidden measures (point 2): a scheme is its versions, each
 * never changed once written (an edit is the next version from a later month); weights add up; the 减负 rules'
 * forbidden measures are refused by name; every town starts with the "3+1" and "3+7" examples.
 */
let ctx: TestContext;
let town: Town;
let secretary: Session;
let made = 0;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const month = (ahead = 0) => addMonths(todayInShanghai(), ahead).slice(0, 7);
const leaf = (key: string, name: string, weight: number, over: Json = {}) => ({ key, name, weight, scorer: 'town_office', evidence: '工作台账', ...over });
const BANDS = [{ label: '优秀', min: 90 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }];
const content = (over: Json = {}) => ({
  posts: ['secretary', 'director'], effectiveFrom: month(),
  indicators: [
    { key: 'party', name: '基层党建', weight: 60, children: [leaf('party_life', '组织生活', 40, { scorer: 'measure', measure: 'organization_life_on_time' }), leaf('party_members', '党员管理', 20)] },
    leaf('work', '中心工作', 40),
  ],
  bands: BANDS, ...over,
});
/** A 镇机关 scheme's content: no measure (the records are a village branch's), no posts. */
const STAFF = { posts: [], indicators: [leaf('duty', '岗位职责', 60), leaf('work', '中心工作', 40)] };
const scheme = (over: Json = {}) => ({ name: `测试考核方案${++made}`, audience: 'village_cadre', periodKind: 'month', ...content(), ...over });

async function create(body: Json): Promise<Json> {
  const res = await town.admin.post('/api/assessment/schemes', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** The 400's message for a scheme the contract refuses. */
async function refused(body: Json): Promise<string> {
  const res = await town.admin.post('/api/assessment/schemes', body);
  expect(res.statusCode, res.body).toBe(400);
  return res.json().message;
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  const branch = await createBranch(town);
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
});
afterAll(async () => { await ctx.close(); });

describe('16.1 assessment schemes', () => {
  it('16.1 creates a scheme as version 1 and audits it', async () => {
    const s = await create(scheme({ note: '本镇试行' }));
    expect(s).toMatchObject({ audience: 'village_cadre', periodKind: 'month', isExample: false, currentVersion: 1 });
    expect(s.versions).toHaveLength(1);
    expect(s.versions[0]).toMatchObject({ version: 1, effectiveFrom: month(), posts: ['secretary', 'director'], note: '本镇试行', bands: BANDS });
    expect(s.versions[0].indicators[0].children[0]).toMatchObject({ key: 'party_life', measure: 'organization_life_on_time', evidence: '工作台账' });
    const { rows } = await ctx.pool.query("select detail from audit_events where action = 'assessment.scheme.create' and object_id = $1", [String(s.id)]);
    expect(rows).toHaveLength(1);
  });

  it('16.1 lists the schemes with the version in force, its indicator count and bands', async () => {
    const s = await create(scheme());
    const list = (await town.admin.get('/api/assessment/schemes')).json();
    const row = list.rows.find((r: Json) => r.id === s.id);
    expect(row).toMatchObject({ name: s.name, versionCount: 1, nextEffectiveFrom: null, current: { version: 1, effectiveFrom: month(), indicatorCount: 4, bands: BANDS } });
    expect(list.can).toEqual({ manage: true });
  });

  it('16.1 an edit is the next version from a later month; the version before it stays as it was', async () => {
    const s = await create(scheme());
    const before = s.versions[0];
    const next = content({ effectiveFrom: month(1), indicators: [leaf('work', '中心工作', 100)], note: '合并指标' });
    const res = await town.admin.post(`/api/assessment/schemes/${s.id}/versions`, next);
    expect(res.statusCode, res.body).toBe(200);
    const after = (await town.admin.get(`/api/assessment/schemes/${s.id}`)).json();
    expect(after.versions.map((v: Json) => [v.version, v.effectiveFrom])).toEqual([[1, month()], [2, month(1)]]);
    expect(after.versions[0]).toEqual(before);
    // This month is still scored under version 1; version 2 is listed as the next.
    expect(after.currentVersion).toBe(1);
    const row = (await town.admin.get('/api/assessment/schemes')).json().rows.find((r: Json) => r.id === s.id);
    expect(row).toMatchObject({ versionCount: 2, nextEffectiveFrom: month(1), current: { version: 1 } });
    const audited = await ctx.pool.query("select detail->>'version' as v from audit_events where action = 'assessment.scheme.version' and object_id = $1", [String(s.id)]);
    expect(audited.rows).toEqual([{ v: '2' }]);
  });

  it('16.1 refuses a version starting before this month or not after the one before it', async () => {
    const s = await create(scheme());
    const early = await town.admin.post(`/api/assessment/schemes/${s.id}/versions`, content({ effectiveFrom: month(-1) }));
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain(`生效月份不能早于本月(${month()})`);
    const same = await town.admin.post(`/api/assessment/schemes/${s.id}/versions`, content({ effectiveFrom: month() }));
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toContain(`生效月份应晚于第1版的生效月份(${month()})`);
    expect(await refused(scheme({ effectiveFrom: month(-1) }))).toContain('生效月份不能早于本月');
  });

  it('16.1 the database refuses to change or delete a version, whoever asks', async () => {
    const s = await create(scheme());
    const id = s.versions[0].id;
    await expect(ctx.pool.query("update assessment_scheme_versions set note = '改写' where id = $1", [id])).rejects.toThrow('考核方案版本不能修改或删除');
    await expect(ctx.pool.query('delete from assessment_scheme_versions where id = $1', [id])).rejects.toThrow('考核方案版本不能修改或删除');
    const { rows } = await ctx.pool.query('select note from assessment_scheme_versions where id = $1', [id]);
    expect(rows).toEqual([{ note: null }]);
  });

  it('16.1 refuses weights that do not add up, naming the indicator and the field', async () => {
    const top = await town.admin.post('/api/assessment/schemes', scheme({ indicators: [leaf('a', '履职情况', 60), leaf('b', '作风纪律', 30)] }));
    expect(top.statusCode).toBe(400);
    expect(top.json().message).toContain('一级指标分值合计应为100,现为90');
    expect(top.json().fields).toContainEqual(expect.objectContaining({ path: 'indicators.weight' }));
    const child = await refused(scheme({ indicators: [{ key: 'p', name: '基层党建', weight: 100, children: [leaf('p1', '组织生活', 50), leaf('p2', '党员管理', 40)] }] }));
    expect(child).toContain('指标“基层党建”的下级指标分值合计应为100,现为90');
  });

  it('16.1 refuses bands not strictly descending, a leaf without a scorer, a fourth level and an unavailable measure', async () => {
    expect(await refused(scheme({ bands: [{ label: '优秀', min: 90 }, { label: '合格', min: 90 }] }))).toContain('等次“合格”的最低分应低于“优秀”的90分');
    expect(await refused(scheme({ indicators: [leaf('a', '履职情况', 100, { scorer: null })] }))).toContain('指标“履职情况”没有下级指标,请选择评分主体');
    const deep = { key: 'a', name: '一级', weight: 100, children: [{ key: 'b', name: '二级', weight: 100, children: [{ ...leaf('c', '三级', 100), children: [leaf('d', '四级', 100)] }] }] };
    expect(await refused(scheme({ indicators: [deep] }))).toContain('指标最多3级');
    expect(await refused(scheme({ indicators: [leaf('a', '村民说事', 100, { scorer: 'measure', measure: 'matters_resolved' })] }))).toContain('村民说事办结需村民说事模块上线后才能使用');
    expect(await refused(scheme({ audience: 'town_staff' }))).toContain('镇机关工作人员考核方案不选择村干部职务');
  });

  it('16.2 a 镇机关 scheme uses no measure, to create and to version: the records are a village branch\'s', async () => {
    const message = '指标“组织生活”:平台记录按村党组织计算,镇机关工作人员考核方案不能使用,请改由镇党委(办公室)等评分';
    expect(await refused(scheme({ audience: 'town_staff', posts: [] }))).toContain(message);
    const staff = await create(scheme({ audience: 'town_staff', ...STAFF }));
    const version = await town.admin.post(`/api/assessment/schemes/${staff.id}/versions`, content({ posts: [], effectiveFrom: month(1) }));
    expect(version.statusCode).toBe(400);
    expect(version.json().message).toContain(message);
  });

  it('16.2 refuses online time, log-ins, check-ins, study minutes and points rankings as measures (2024 减负规定, 2026 政务应用程序规定)', async () => {
    for (const [name, evidence] of [['学习强国积分排名', '平台导出'], ['日常履职', '每日打卡记录'], ['平台使用', '在线时长统计'], ['理论学习', '学习时长'], ['系统应用', '登录次数']]) {
      const message = await refused(scheme({ indicators: [leaf('a', name, 100, { evidence })] }));
      expect(message, name).toContain(`指标“${name}”`);
      expect(message, name).toContain(FORBIDDEN_MEASURE_REASON);
    }
    const nested = await refused(scheme({ indicators: [{ key: 'p', name: '学习教育', weight: 100, children: [leaf('p1', '学习排行', 100)] }] }));
    expect(nested).toContain('指标“学习排行”含有“排行”');
  });

  it('16.1 a new town has the "3+1" and "3+7" examples, marked 示例,本镇可改, that the town may version', async () => {
    const fresh = await createTown(ctx);
    const list = (await fresh.admin.get('/api/assessment/schemes')).json();
    expect(list.rows.map((r: Json) => [r.audience, r.isExample, r.current.version])).toEqual([['town_staff', true, 1], ['village_cadre', true, 1]]);
    for (const r of list.rows) expect(r.name).toContain('(示例,本镇可改)');
    expect(list.rows[0].name).toContain('"3+1"');
    expect(list.rows[1].name).toContain('"3+7"');
    // Listing again makes no second copy (the examples are ensured once per town).
    expect((await fresh.admin.get('/api/assessment/schemes')).json().rows).toHaveLength(2);
    const edited = await fresh.admin.post(`/api/assessment/schemes/${list.rows[1].id}/versions`, { ...exampleSchemes(month(1))[1], name: undefined, audience: undefined, periodKind: undefined });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('16.1 the examples pass the contract and use no unavailable or forbidden measure', () => {
    for (const example of exampleSchemes(month())) expect(CreateAssessmentSchemeSchema.safeParse(example).success, example.name).toBe(true);
  });

  it('16.1 a branch secretary reads the village cadres\' schemes only and writes none', async () => {
    const village = await create(scheme());
    const staff = await create(scheme({ audience: 'town_staff', ...STAFF }));
    const list = await secretary.get('/api/assessment/schemes');
    expect(list.statusCode).toBe(200);
    expect(list.json().can).toEqual({ manage: false });
    expect(new Set(list.json().rows.map((r: Json) => r.audience))).toEqual(new Set(['village_cadre']));
    expect((await secretary.get(`/api/assessment/schemes/${village.id}`)).statusCode).toBe(200);
    expect((await secretary.get(`/api/assessment/schemes/${staff.id}`)).statusCode).toBe(404);
    const post = await secretary.post('/api/assessment/schemes', scheme());
    expect(post.statusCode).toBe(403);
    expect(post.json().message).toBe('考核方案由镇党委管理员制定和修改');
    expect((await secretary.post(`/api/assessment/schemes/${village.id}/versions`, content({ effectiveFrom: month(1) }))).statusCode).toBe(403);
  });

  it('16.1 another town\'s scheme answers 404, to read and to version', async () => {
    const other = await createTown(ctx);
    const theirs = (await other.admin.get('/api/assessment/schemes')).json().rows[0];
    const read = await town.admin.get(`/api/assessment/schemes/${theirs.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).toBe((await town.admin.get('/api/assessment/schemes/99999999')).body);
    const write = await town.admin.post(`/api/assessment/schemes/${theirs.id}/versions`, content({ posts: [], effectiveFrom: month(1) }));
    expect(write.statusCode).toBe(404);
    expect((await other.admin.get(`/api/assessment/schemes/${theirs.id}`)).json().versions).toHaveLength(1);
  });

  it('16.1 row-level security: the platform\'s role reads no other town\'s schemes, even with the tenant filter named wrong', async () => {
    const other = await createTown(ctx);
    const { rows: [committee] } = await ctx.pool.query('select path from organizations where id = $1', [town.committeeId]);
    const asTown = dbScopeOf({ tenantId: town.tenantId, paths: [committee.path] });
    // The repository asked for the other town's rows under this town's setting: the policies hide them.
    expect(await withRowScope(asTown, () => repo.listSchemes(ctx.appDb, other.tenantId))).toEqual([]);
    expect((await withRowScope(asTown, () => repo.listSchemes(ctx.appDb, town.tenantId))).length).toBeGreaterThanOrEqual(2);
    expect((await repo.listSchemes(ctx.db, other.tenantId)).length).toBe(2);
  });

  it('16.7 the demo town has both examples, in force from thirteen months back (the scored year of the demo, demo-assessment.ts)', async () => {
    const { rows } = await ctx.pool.query(`select s.audience, v.effective_from from assessment_schemes s
      join assessment_scheme_versions v on v.scheme_id = s.id join tenants t on t.id = s.tenant_id
      where s.is_example and t.is_demo order by s.audience`);
    expect(rows).toEqual([{ audience: 'town_staff', effective_from: month(-13) }, { audience: 'village_cadre', effective_from: month(-13) }]);
  });
});
