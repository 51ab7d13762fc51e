import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_CENTER_ROOMS, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createMemberAccount, createSupervisor, createTown, createUser, multipartBody, type Branch } from '../../../test/factories.js';

/** 党群服务中心 and 坐班值班 through the API against the real database, in a town of the test's own (no centres yet). */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let admin: Session;
let secretary: Session;
let neighbour: Session;
/** The supervisor of `here`; the supervisor of `there` only. */
let supervisor: Session;
let otherSupervisor: Session;
/** A 党员 of `here`, signed in with the member role. */
let member: Session;
/** `here` (its secretary: secretary) and its neighbour `there` (neighbour), with a 党员 of its own. */
let here: Branch;
let there: Branch;
let thereMember: number;
const ok = (res: { statusCode: number; body: string; json: () => Json }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const q = async (sql: string, params: unknown[] = []) => (await ctx.pool.query(sql, params)).rows;
const today = todayInShanghai();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestContext();
  const town = await createTown(ctx);
  admin = town.admin;
  [here, there] = [await createBranch(town), await createBranch(town)];
  thereMember = await createMember(town, there.id);
  [secretary, neighbour] = [(await createUser(town, 'branch_secretary', [here.id])).session, (await createUser(town, 'branch_secretary', [there.id])).session];
  [supervisor, otherSupervisor] = [(await createSupervisor(town, [here.id])).session, (await createSupervisor(town, [there.id])).session];
  member = (await createMemberAccount(town, here.id)).session;
});
afterAll(async () => { await ctx.close(); });

const CENTER = {
  name: '测试村党群服务中心', address: '村委会院内', floorArea: 420, standard: 'high', openingHours: '工作日 8:30–17:30',
  rooms: DEFAULT_SERVICE_CENTER_ROOMS.map((r, i) => ({ ...r, area: 30 + i * 10 })),
};

describe('党群服务中心', () => {
  let id: number;

  it('the secretary saves the centre with the 四室一厅 rooms; saving again updates the same record', async () => {
    const saved = ok(await secretary.request('PUT', `/api/service-centers/by-org/${here.id}`, CENTER));
    id = saved.id;
    expect(saved).toMatchObject({ organizationName: here.name, standard: 'high', floorArea: 420, photoIds: [], can: { edit: true } });
    expect(saved.rooms.map((r: Json) => r.name)).toEqual(['党员教育室', '党建活动室', '组织议事室', '村民说事室', '便民服务大厅']);
    const again = ok(await secretary.request('PUT', `/api/service-centers/by-org/${here.id}`, { ...CENTER, openingHours: '每天 8:00–18:00' }));
    expect(again).toMatchObject({ id, openingHours: '每天 8:00–18:00' });
    expect((await q('select count(*)::int as n from service_centers where organization_id = $1', [here.id]))[0].n).toBe(1);
  });

  it('rooms are validated: a name is required and the area cannot be negative; nothing is written', async () => {
    const before = (await q('select rooms from service_centers where id = $1', [id]))[0].rooms;
    const res = await secretary.request('PUT', `/api/service-centers/by-org/${here.id}`, { ...CENTER, rooms: [{ name: '', area: 10 }, { name: '档案室', area: -1 }] });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields as Json[];
    expect(fields.map((f) => f.path).sort()).toEqual(['rooms.0.name', 'rooms.1.area']);
    expect(fields.find((f) => f.path === 'rooms.1.area')!.message).toContain('不能小于0');
    expect((await q('select rooms from service_centers where id = $1', [id]))[0].rooms).toEqual(before);
  });

  it('another village, the supervisor of other villages and a member get 404; supervisors cannot write', async () => {
    expect((await otherSupervisor.get(`/api/service-centers/${id}`)).statusCode).toBe(404);
    expect((await neighbour.get(`/api/service-centers/${id}`)).statusCode).toBe(404);
    expect((await member.get(`/api/service-centers/${id}`)).statusCode).toBe(404);
    expect((await neighbour.request('PUT', `/api/service-centers/by-org/${here.id}`, CENTER)).statusCode).toBe(404);
    const list = ok(await neighbour.get('/api/service-centers'));
    expect(list.items).toEqual([]);
    expect(list.missing.map((m: Json) => m.organizationName)).toEqual([there.name]);
    expect(ok(await member.get('/api/service-centers'))).toEqual({ items: [], missing: [] });
    // The supervisor of the village reads it, and cannot write.
    const seen = ok(await supervisor.get(`/api/service-centers/${id}`));
    expect(seen.can.edit).toBe(false);
    expect((await supervisor.post(`/api/service-centers/${id}/projects`, { name: '越权', budgetFen: 1 })).statusCode).toBe(403);
  });

  it('photos: stored as a re-encoded JPEG without EXIF location, readable only in scope', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } }).jpeg().withMetadata({ exif: { IFD0: { Make: 'TestPhone' } } }).toBuffer();
    const body = multipartBody({ data: jpeg, name: '大厅.jpg' });
    const res = ok(await secretary.request('POST', `/api/service-centers/${id}/photos?caption=${encodeURIComponent('便民服务大厅')}`, body.payload, body.headers));
    expect(res.photos).toHaveLength(1);
    expect(res.photos[0].caption).toBe('便民服务大厅');
    const photoId = res.photoIds[0];
    const down = await secretary.get(`/api/service-centers/${id}/photos/${photoId}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/jpeg');
    expect(down.rawPayload.includes(Buffer.from('TestPhone'))).toBe(false);
    expect((await neighbour.get(`/api/service-centers/${id}/photos/${photoId}`)).statusCode).toBe(404);
    const fake = multipartBody({ data: Buffer.from('not an image'), name: 'x.jpg' });
    const bad = await secretary.request('POST', `/api/service-centers/${id}/photos`, fake.payload, fake.headers);
    expect(bad.statusCode).toBe(415); // the one upload policy: a wrong type is 415
    expect(bad.json().fields[0].path).toBe('file');
  });

  it('projects: money in fen, progress 0–100, an acceptance date only at 100%', async () => {
    const created = ok(await secretary.post(`/api/service-centers/${id}/projects`, { name: '便民服务大厅改造', budgetFen: 12_500_000, progress: 40, startedOn: '2024-03-01' }));
    const project = created.projects[0];
    expect(created.projectSummary).toEqual({ count: 1, budgetFen: 12_500_000, accepted: 0, inProgress: 1 });
    const over = await secretary.patch(`/api/service-centers/${id}/projects/${project.id}`, { progress: 120 });
    expect(over.statusCode).toBe(400);
    expect(over.json().fields[0].path).toBe('progress');
    const early = await secretary.patch(`/api/service-centers/${id}/projects/${project.id}`, { acceptedOn: '2024-06-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0]).toMatchObject({ path: 'acceptedOn' });
    expect(early.json().message).toContain('进度应为100%');
    expect((await secretary.post(`/api/service-centers/${id}/projects`, { name: '小数', budgetFen: 10.5 })).statusCode).toBe(400);
    const done = ok(await secretary.patch(`/api/service-centers/${id}/projects/${project.id}`, { progress: 100, acceptedOn: '2024-06-01' }));
    expect(done.projectSummary).toMatchObject({ accepted: 1, inProgress: 0 });
    expect((await neighbour.patch(`/api/service-centers/${id}/projects/${project.id}`, { progress: 0 })).statusCode).toBe(404);
    const audit = await q(`select action from audit_events where object_type = 'service_center' and object_id = $1 order by id`, [String(id)]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['service_center.create', 'service_center.update', 'service_center.photo.add', 'service_center.project.add', 'service_center.project.update']));
  });
});

describe('坐班值班', () => {
  const yesterday = addDays(today, -1);
  const future = addDays(today, 3);
  const month = yesterday.slice(0, 7);
  let shifts: Json[];
  /** The month list before the test plans anything: the shifts planned (and one recorded) before it. */
  let monthBefore: Json;

  beforeAll(async () => {
    const earlier = ok(await secretary.post('/api/duty-shifts', { organizationId: here.id, shifts: [
      { onDate: yesterday, slot: 'am', personName: '刘芳' }, { onDate: yesterday, slot: 'pm', personName: '刘芳' },
    ] })).items as Json[];
    ok(await secretary.post(`/api/duty-shifts/${earlier[0].id}/presence`, { presence: 'absent' }));
  });

  it('plans a batch for one branch in one transaction; a duplicate is named and nothing is written', async () => {
    const org = here.id;
    monthBefore = ok(await secretary.get(`/api/duty-shifts?orgId=${org}&month=${month}`));
    const created = ok(await secretary.post('/api/duty-shifts', { organizationId: org, shifts: [
      { onDate: yesterday, slot: 'am', personName: '王秀英' }, { onDate: yesterday, slot: 'pm', personName: '李建军' }, { onDate: future, slot: 'day', personName: '王秀英' },
    ] }));
    shifts = created.items;
    expect(shifts).toHaveLength(3);
    const count = async () => (await q('select count(*)::int as n from duty_shifts where organization_id = $1', [org]))[0].n;
    const before = await count();
    const dup = await secretary.post('/api/duty-shifts', { organizationId: org, shifts: [{ onDate: addDays(today, 5), slot: 'am', personName: '张三' }, { onDate: yesterday, slot: 'am', personName: '王秀英' }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().message).toContain(`${yesterday} 上午 王秀英`);
    expect(dup.json().fields[0].path).toBe('shifts.1');
    const twice = await secretary.post('/api/duty-shifts', { organizationId: org, shifts: [{ onDate: future, slot: 'am', personName: '张三' }, { onDate: future, slot: 'am', personName: '张三' }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('第2行与第1行重复');
    expect(await count()).toBe(before);
    expect((await neighbour.post('/api/duty-shifts', { organizationId: org, shifts: [{ onDate: future, slot: 'pm', personName: '越权' }] })).statusCode).toBe(404);
  });

  it('a member of another branch cannot be put on the roster', async () => {
    const res = await secretary.post('/api/duty-shifts', { organizationId: here.id, shifts: [{ onDate: future, slot: 'pm', personName: '外村', memberId: thereMember }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('shifts.0.memberId');
  });

  it('swap, then presence entered by the village for past days only; no location or device fields exist', async () => {
    const [am, pm, later] = shifts;
    const swapped = ok(await secretary.post(`/api/duty-shifts/${pm.id}/swap`, { swappedWithName: '赵国强', reason: '李建军外出开会' }));
    expect(swapped).toMatchObject({ onDutyName: '赵国强', swapReason: '李建军外出开会' });
    ok(await secretary.post(`/api/duty-shifts/${am.id}/presence`, { presence: 'present' }));
    ok(await admin.post(`/api/duty-shifts/${pm.id}/presence`, { presence: 'excused', note: '病假' }));
    const tooEarly = await secretary.post(`/api/duty-shifts/${later.id}/presence`, { presence: 'present' });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().fields[0].path).toBe('presence');
    const gps = await secretary.post(`/api/duty-shifts/${am.id}/presence`, { presence: 'present', latitude: 40.1 });
    expect(gps.statusCode).toBe(400);
    expect((await secretary.post(`/api/duty-shifts/${am.id}/swap`, { swappedWithName: '某人', reason: '事后改' })).statusCode).toBe(409);
    expect((await neighbour.post(`/api/duty-shifts/${am.id}/presence`, { presence: 'absent' })).statusCode).toBe(404);
    expect((await member.post(`/api/duty-shifts/${am.id}/presence`, { presence: 'absent' })).statusCode).toBe(404);
  });

  it('the month list carries the summary counts; other villages see none of it', async () => {
    const list = ok(await secretary.get(`/api/duty-shifts?orgId=${here.id}&month=${month}`));
    const inMonth = shifts.filter((s) => s.onDate.startsWith(month));
    // The earlier shifts of the month, then the test's: one present, one excused, none left unrecorded.
    const earlierIds = monthBefore.items.map((s: Json) => s.id);
    expect(earlierIds).toHaveLength(2);
    expect(monthBefore.summary).toMatchObject({ scheduled: 2, absent: 1, unrecorded: 1 });
    expect(list.items.map((s: Json) => s.id).sort()).toEqual([...earlierIds, ...inMonth.map((s) => s.id)].sort());
    const was = monthBefore.summary;
    expect(list.summary).toMatchObject({ scheduled: was.scheduled + inMonth.length, present: was.present + 1, excused: was.excused + 1, absent: was.absent, unrecorded: was.unrecorded });
    expect(monthBefore.byOrganization).toEqual([expect.objectContaining({ organizationName: here.name })]);
    expect(list.byOrganization).toEqual([expect.objectContaining({ organizationName: here.name, present: monthBefore.byOrganization[0].present + 1 })]);
    expect((await neighbour.get(`/api/duty-shifts?orgId=${here.id}`)).statusCode).toBe(404);
    expect(ok(await neighbour.get(`/api/duty-shifts?month=${month}`)).items.some((s: Json) => s.organizationName === here.name)).toBe(false);
    expect((await secretary.get('/api/duty-shifts?month=2024-13')).statusCode).toBe(400);
  });

  it('only a future shift without presence can be deleted', async () => {
    const [am, , later] = shifts;
    expect((await secretary.request('DELETE', `/api/duty-shifts/${am.id}`)).statusCode).toBe(409);
    expect((await neighbour.request('DELETE', `/api/duty-shifts/${later.id}`)).statusCode).toBe(404);
    ok(await secretary.request('DELETE', `/api/duty-shifts/${later.id}`));
    expect((await q('select count(*)::int as n from duty_shifts where id = $1', [later.id]))[0].n).toBe(0);
    expect((await q(`select count(*)::int as n from audit_events where action = 'duty_roster.delete' and object_id = $1`, [String(later.id)]))[0].n).toBe(1);
  });
});
