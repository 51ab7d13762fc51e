import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import JSZip from 'jszip';
import sharp from 'sharp';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { docxText, pdfText } from '../../../test/documents.js';
import {
  createBranch, createInspectionRound, createMemberAccount, createSupervisor, createTown, createUser, INSPECTION_TEAM, recordFinding, multipartBody, type Branch,
} from '../../../test/factories.js';
import { todayInShanghai } from '@dj/contracts';

/** 联督联查 through the API: a round, a finding at a village, its rectification to acceptance, escalation and the report. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let ctx: TestContext;
let admin: Session;
let inspector: Session;
let supervisor: Session;
let secretary: Session;
let neighbour: Session;
let member: Session;
/**
 * The inspected villages `here` and `there` (each with its secretary), `fu` and `tian` (not in the test's round) and
 * `gutun`, which an earlier round of the town left with an overdue, escalated rectification.
 */
let here: Branch;
let there: Branch;
let fu: Branch;
let tian: Branch;
let gutun: Branch;
let adminId: number;
let neighbourId: number;
let roundId: number;
let rectId: number;
let evidenceFileId: number;
let resultPhotoId: number;

const TEAM = INSPECTION_TEAM;
const INSPECTOR_NAME = '镇纪委检查员 李敏';
const SECRETARY_NAME = '村党支部书记 张志强';
/** The supervisor's villages: `here`, `fu` and `tian`. */
let SUPERVISED: string[];
const FINDING = '值班记录11月12日至18日空白,坐班表未上墙';

const ok = (res: LightMyRequestResponse) => {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};
const q = async (sql: string, params: unknown[] = []) => (await ctx.pool.query(sql, params)).rows;

const upload = (s: Session, url: string, fields: Record<string, string>, file?: { data: Buffer; name: string }) => {
  const body = multipartBody(file ?? null, fields);
  return s.request('POST', url, body.payload, body.headers);
};

/** A phone photo with its GPS position in EXIF, which must not reach the database. */
const gpsPhoto = () => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 160, b: 90 } } })
  .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 33/1 0/1' } }).jpeg().toBuffer();

beforeAll(async () => {
  ctx = await createTestContext();
  const town = await createTown(ctx);
  ({ admin, adminId } = town);
  [here, there, fu, tian, gutun] = [await createBranch(town), await createBranch(town), await createBranch(town), await createBranch(town), await createBranch(town)];
  SUPERVISED = [here.name, fu.name, tian.name];
  inspector = (await createUser(town, 'inspector', [town.committeeId], { displayName: INSPECTOR_NAME })).session;
  supervisor = (await createSupervisor(town, [here.id, fu.id, tian.id])).session;
  secretary = (await createUser(town, 'branch_secretary', [here.id], { displayName: SECRETARY_NAME })).session;
  ({ session: neighbour, userId: neighbourId } = await createUser(town, 'branch_secretary', [there.id]));
  member = (await createMemberAccount(town, here.id)).session;
  // An earlier round of the town: one of the supervisor's villages and 古屯, whose rectification ran twenty days over.
  // Only the clock can put a deadline in the past (the API refuses one).
  const earlier = await createInspectionRound(town, [fu.id, gutun.id]);
  const { rectificationId } = await recordFinding(inspector, earlier.id, gutun.id, 'disclosure', { dueOn: todayInShanghai() });
  await ctx.pool.query('update rectifications set due_on = current_date - 20 where id = $1', [rectificationId]);
});
afterAll(async () => { await ctx.close(); });

describe('联督联查', () => {
  it('round creation validates the team departments, the villages and the dates; only the town admin creates', async () => {
    // The town has an earlier round: the refused attempts must add none to it.
    const roundsBefore = await q('select count(*)::int as n from inspection_rounds');
    expect(roundsBefore[0].n).toBeGreaterThan(0);
    const auditedBefore = (await q(`select count(*)::int as n from audit_events where action = 'inspection.round.create'`))[0].n;
    const base = { title: '2026年第四季度联督联查', startsOn: '2026-11-20', endsOn: '2026-11-30', team: TEAM, organizationIds: [here.id, there.id] };
    const noCivil = await admin.post('/api/inspections', { ...base, team: TEAM.slice(0, 2) });
    expect(noCivil.statusCode).toBe(400);
    expect(noCivil.json().fields).toEqual([{ path: 'team', message: '联督联查检查组须有纪委、组织办、民政办人员,缺少:民政办' }]);
    const badDept = await admin.post('/api/inspections', { ...base, team: [...TEAM, { name: '钱进', department: 'police' }] });
    expect(badDept.statusCode).toBe(400);
    expect(JSON.stringify(badDept.json().fields)).toContain('team');
    const noVillages = await admin.post('/api/inspections', { ...base, organizationIds: [] });
    expect(noVillages.json().fields).toEqual([{ path: 'organizationIds', message: '请选择至少一个要检查的村' }]);
    const unknown = await admin.post('/api/inspections', { ...base, organizationIds: [99_999_999] });
    expect(unknown.json().fields).toEqual([{ path: 'organizationIds', message: '所选的村党组织不存在或不在本镇' }]);
    expect((await admin.post('/api/inspections', { ...base, endsOn: '2026-11-01' })).json().fields[0].path).toBe('endsOn');
    expect((await inspector.post('/api/inspections', base)).statusCode).toBe(403);
    expect(await q('select count(*)::int as n from inspection_rounds')).toEqual(roundsBefore);

    const round = ok(await admin.post('/api/inspections', { ...base, extraItems: [{ label: '四议两公开', lookAt: '本季度重大事项会议记录' }] }));
    roundId = round.id;
    expect(round.items.map((i: Json) => i.key)).toEqual(['disclosure', 'micro_power', 'duty_roster', 'cleanliness', 'town_1']);
    expect(round.villages.map((v: Json) => v.organizationName)).toEqual([here.name, there.name]);
    expect(round.progress).toMatchObject({ villages: 2, expected: 10, recorded: 0 });
    const audited = await q(`select object_id from audit_events where action = 'inspection.round.create' order by id`);
    expect(audited).toHaveLength(auditedBefore + 1);
    expect(audited.at(-1)!.object_id).toBe(String(roundId));
  });

  it('the inspector records ok and a finding from the phone; a finding needs owner and required evidence', async () => {
    const url = `/api/inspections/${roundId}/results`;
    ok(await inspector.post(url, { organizationId: there.id, itemKey: 'disclosure', outcome: 'ok', note: '公开栏内容齐全' }));
    const missing = await inspector.post(url, { organizationId: here.id, itemKey: 'duty_roster', outcome: 'finding', note: FINDING });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: Json) => f.path)).toEqual(['ownerName', 'requiredEvidence']);
    expect((await inspector.post(url, { organizationId: here.id, itemKey: 'no_such', outcome: 'ok' })).json().fields[0].path).toBe('itemKey');
    expect((await inspector.post(url, { organizationId: fu.id, itemKey: 'disclosure', outcome: 'ok' })).json().fields[0].path).toBe('organizationId');
    expect((await secretary.post(url, { organizationId: here.id, itemKey: 'disclosure', outcome: 'ok' })).statusCode).toBe(403);

    const round = ok(await inspector.post(url, {
      organizationId: here.id, itemKey: 'duty_roster', outcome: 'finding', note: FINDING, ownerName: '张志强', requiredEvidence: '补齐的值班记录照片和上墙坐班表照片',
    }));
    const result = round.villages[0].results.find((r: Json) => r.itemKey === 'duty_roster');
    expect(result).toMatchObject({ outcome: 'finding', note: FINDING, rectificationStatus: 'open', recordedByName: INSPECTOR_NAME });
    rectId = result.rectificationId;
    const [rect] = await q('select due_on::text as due, owner_name from rectifications where id = $1', [rectId]);
    // Default deadline: today + setting rectification.defaultDays (15).
    const due = new Date(Date.parse(`${todayInShanghai()}T00:00:00Z`) + 15 * 86_400_000).toISOString().slice(0, 10);
    expect(rect).toEqual({ due, owner_name: '张志强' });

    const photo = await upload(inspector, `/api/inspections/${roundId}/results/${result.id}/photos`, {}, { data: await gpsPhoto(), name: '值班室.jpg' });
    resultPhotoId = ok(photo).villages[0].results.find((r: Json) => r.id === result.id).photos[0].id;
    const served = await inspector.get(`/api/inspection-files/${resultPhotoId}`);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(await exifr.gps(served.rawPayload).catch(() => undefined)).toBeUndefined();
  });

  it('a village sees only its own results and rectifications; the neighbour gets 404', async () => {
    const mine = ok(await secretary.get(`/api/inspections/${roundId}`));
    expect(mine.villages.map((v: Json) => v.organizationName)).toEqual([here.name]);
    expect(JSON.stringify(mine)).not.toContain('公开栏内容齐全');
    const theirs = ok(await neighbour.get(`/api/inspections/${roundId}`));
    expect(JSON.stringify(theirs)).not.toContain(FINDING);
    expect(ok(await neighbour.get('/api/rectifications')).items).toEqual([]);
    expect((await neighbour.get(`/api/rectifications/${rectId}`)).statusCode).toBe(404);
    expect((await neighbour.get(`/api/inspection-files/${resultPhotoId}`)).statusCode).toBe(404);
    expect((await neighbour.post(`/api/rectifications/${rectId}/evidence`, { note: '越权提交' })).statusCode).toBe(404);
    expect((await member.get(`/api/inspections/${roundId}`)).statusCode).toBe(404);
    expect(ok(await member.get('/api/inspections')).items).toEqual([]);
    const list = ok(await secretary.get('/api/rectifications'));
    expect(list.items).toEqual([expect.objectContaining({ id: rectId, itemLabel: '坐班值班', description: FINDING, status: 'open', late: false })]);
    // The supervisor sees exactly the rounds visiting a village in their care: this one and the earlier one (at fu).
    const inCare = (await q(`select distinct round_id as id from inspection_round_villages where organization_id = any($1) order by round_id`, [[here.id, fu.id, tian.id]])).map((r) => r.id);
    expect(inCare).toHaveLength(2);
    expect(inCare).toContain(roundId);
    expect(ok(await supervisor.get('/api/inspections')).items.map((r: Json) => r.id).sort()).toEqual(inCare.sort());
  });

  it('finding → ok is refused while the rectification is open, and says why', async () => {
    const res = await inspector.post(`/api/inspections/${roundId}/results`, { organizationId: here.id, itemKey: 'duty_roster', outcome: 'ok' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(`${here.name}“坐班值班”的整改尚未验收,不能改为合格;请先完成整改并验收`);
  });

  it('secretary submits evidence with a photo; reopen needs a reason; the inspector accepts', async () => {
    expect((await inspector.post(`/api/rectifications/${rectId}/accept`, {})).json().message).toBe('村里尚未提交整改材料,不能验收');
    const sent = ok(await upload(secretary, `/api/rectifications/${rectId}/evidence`, { note: '已补齐值班记录,坐班表已上墙' }, { data: await gpsPhoto(), name: '坐班表.jpg' }));
    expect(sent.status).toBe('submitted');
    expect(sent.events[0]).toMatchObject({ kind: 'evidence', note: '已补齐值班记录,坐班表已上墙', byName: SECRETARY_NAME });
    evidenceFileId = sent.events[0].files[0].id;
    expect(sent.events[0].files[0]).toMatchObject({ name: '坐班表.jpg', mime: 'image/jpeg' });
    expect((await secretary.get(`/api/inspection-files/${evidenceFileId}`)).statusCode).toBe(200);
    expect((await inspector.get(`/api/inspection-files/${evidenceFileId}`)).statusCode).toBe(200);
    expect((await neighbour.get(`/api/inspection-files/${evidenceFileId}`)).statusCode).toBe(404);
    expect((await upload(secretary, `/api/rectifications/${rectId}/evidence`, { note: '' })).json().fields[0].path).toBe('note');

    expect((await secretary.post(`/api/rectifications/${rectId}/accept`, {})).statusCode).toBe(403);
    const noReason = await inspector.post(`/api/rectifications/${rectId}/reopen`, {});
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().fields)).toContain('reason');
    const reopened = ok(await inspector.post(`/api/rectifications/${rectId}/reopen`, { reason: '照片看不清值班日期' }));
    expect(reopened).toMatchObject({ status: 'reopened', events: [{ kind: 'evidence' }, { kind: 'reopened', note: '照片看不清值班日期' }] });
    expect(ok(await secretary.post(`/api/rectifications/${rectId}/evidence`, { note: '重新拍摄并附值班登记本' })).status).toBe('submitted');
    const accepted = ok(await inspector.post(`/api/rectifications/${rectId}/accept`, { note: '整改到位' }));
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOn: todayInShanghai(), late: false });
    expect((await secretary.post(`/api/rectifications/${rectId}/evidence`, { note: '再交一次' })).statusCode).toBe(409);
    const actions = await q(`select action from audit_events where action like 'inspection.rectification.%' order by id`);
    expect(actions.map((a) => a.action)).toEqual(['inspection.rectification.evidence', 'inspection.rectification.reopen',
      'inspection.rectification.evidence', 'inspection.rectification.accept']);
  });

  it('an overdue task is escalated to the town board', async () => {
    const round = ok(await inspector.post(`/api/inspections/${roundId}/results`, {
      organizationId: here.id, itemKey: 'cleanliness', outcome: 'finding', note: '活动室堆放杂物', ownerName: '张志强', requiredEvidence: '清理后照片', dueOn: todayInShanghai(),
    }));
    const lateId = round.villages[0].results.find((r: Json) => r.itemKey === 'cleanliness').rectificationId;
    // The earlier round has an escalated task of its own (古屯): the board before is that, never this task.
    const boardBefore = ok(await admin.get('/api/rectifications?escalated=true')).items;
    expect(boardBefore.map((r: Json) => r.id)).not.toContain(lateId);
    expect(boardBefore.map((r: Json) => r.organizationName)).toEqual([gutun.name]);
    // The supervisor's board: the town's, narrowed to the villages in their care.
    const supervisorBefore = boardBefore.filter((r: Json) => SUPERVISED.includes(r.organizationName)).map((r: Json) => r.id);
    expect(ok(await supervisor.get('/api/rectifications?escalated=true')).items.map((r: Json) => r.id).sort()).toEqual(supervisorBefore.sort());
    await q(`update rectifications set due_on = current_date - 20 where id = $1`, [lateId]);
    const board = ok(await admin.get('/api/rectifications?escalated=true')).items;
    expect(board.map((r: Json) => r.id).sort()).toEqual([...boardBefore.map((r: Json) => r.id), lateId].sort());
    const escalated = board.find((r: Json) => r.id === lateId);
    expect(escalated).toEqual(expect.objectContaining({ id: lateId, late: true, escalated: true, organizationName: here.name }));
    expect(escalated.daysOverdue).toBeGreaterThanOrEqual(19);
    expect(ok(await supervisor.get('/api/rectifications?escalated=true')).items.map((r: Json) => r.id).sort()).toEqual([...supervisorBefore, lateId].sort());
    expect(ok(await neighbour.get('/api/rectifications?escalated=true')).items).toEqual([]);
    expect((await neighbour.get(`/api/rectifications?orgId=${here.id}`)).statusCode).toBe(404);
    expect(ok(await admin.get(`/api/inspections/${roundId}`)).progress).toMatchObject({ findings: 2, openRectifications: 1, escalated: 1 });
    // Now accepted, the first task may turn to ok.
    ok(await inspector.post(`/api/inspections/${roundId}/results`, { organizationId: here.id, itemKey: 'duty_roster', outcome: 'ok', note: '复查合格' }));
  });

  it('the report (docx and PDF) holds the round, the finding and the rectifications; a village gets only its own', async () => {
    const docx = await admin.get(`/api/inspections/${roundId}/report/docx`);
    expect(docx.statusCode).toBe(200);
    expect(decodeURIComponent(String(docx.headers['content-disposition']).split("UTF-8''")[1])).toBe('2026年第四季度联督联查-联督联查报告.docx');
    const text = await docxText(docx);
    for (const s of ['联督联查情况报告', '李敏(纪委)', '赵强(民政办)', here.name, there.name, '活动室堆放杂物', '公开栏内容齐全', '四议两公开', '已上报镇党委']) expect(text).toContain(s);
    const pdf = pdfText(await admin.get(`/api/inspections/${roundId}/report/pdf`));
    for (const s of ['联督联查情况报告', '活动室堆放杂物', here.name, '待整改']) expect(pdf).toContain(s);
    const theirs = await docxText(await neighbour.get(`/api/inspections/${roundId}/report/docx`));
    expect(theirs).not.toContain('活动室堆放杂物');
    expect(theirs).toContain('公开栏内容齐全');
    expect((await member.get(`/api/inspections/${roundId}/report/pdf`)).statusCode).toBe(404);
  });

  it('the report shows the finding\'s photo under its village, captioned, without location; a village without findings gets none', async () => {
    const media = async (res: LightMyRequestResponse) => {
      const zip = await JSZip.loadAsync(res.rawPayload);
      return Promise.all(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).map((f) => zip.file(f)!.async('nodebuffer')));
    };
    const round = ok(await admin.get(`/api/inspections/${roundId}`));
    const finding = round.villages.find((v: Json) => v.organizationId === here.id).results.find((r: Json) => r.outcome === 'finding');
    ok(await upload(inspector, `/api/inspections/${roundId}/results/${finding.id}/photos`, {}, { data: await gpsPhoto(), name: '现场.jpg' }));
    const docx = await admin.get(`/api/inspections/${roundId}/report/docx`);
    const images = await media(docx);
    expect(images).toHaveLength(1);
    expect((await sharp(images[0]).metadata()).format).toBe('jpeg');
    expect(await exifr.gps(images[0]).catch(() => undefined)).toBeFalsy();
    expect(await docxText(docx)).toMatch(new RegExp(`${here.name} [^:]+:${finding.note}`));
    expect(await media(await neighbour.get(`/api/inspections/${roundId}/report/docx`))).toHaveLength(0);
    // The PDF carries the same photo (pdfimages lists one image).
    const pdf = await admin.get(`/api/inspections/${roundId}/report/pdf`);
    const file = join(mkdtempSync(join(tmpdir(), 'dj-report-')), 'report.pdf');
    writeFileSync(file, pdf.rawPayload);
    const listed = execFileSync('/usr/bin/pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(listed.filter((l) => /\bimage\b/.test(l))).toHaveLength(1);
    const photosAudited = async (userId: number) => (await q(`select detail from audit_events where action = 'inspection.report.export'
      and user_id = $1 and detail->>'format' = 'docx' order by id desc limit 1`, [userId]))[0].detail.photos;
    expect([await photosAudited(adminId), await photosAudited(neighbourId)]).toEqual([1, 0]);
  });

  it('closing the round: the town admin only; no new results after', async () => {
    expect((await inspector.post(`/api/inspections/${roundId}/close`)).statusCode).toBe(403);
    expect(ok(await admin.post(`/api/inspections/${roundId}/close`)).status).toBe('closed');
    const late = await inspector.post(`/api/inspections/${roundId}/results`, { organizationId: there.id, itemKey: 'micro_power', outcome: 'ok' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('该检查已结束,不能再记录结果');
  });
});
