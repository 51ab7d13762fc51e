import sharp from 'sharp';
import type { Session } from '../context.js';
import { createMember } from '../factories.js';
import { insertNotices } from '../../src/lib/notices.js';
import type { AccountName, RoleWorld } from './role-world.js';

type Res = Awaited<ReturnType<Session['get']>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each record made needs a day of its own (activities, 四议两公开, rounds): counted down from a fixed past date. */
let days = 0;
export function nextPastDay(): string {
  const d = new Date(Date.UTC(2026, 0, 1) - ++days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A coming day of its own (a shift that may still be deleted, a meeting members may still answer). */
let ahead = 0;
export function nextFutureDay(): string {
  return new Date(Date.now() + (30 + ++ahead) * 86_400_000).toISOString().slice(0, 10);
}

/** Each 三务公开 made is for a month of its own, counted down from December 2025. */
let months = 0;
function nextPastMonth(): string {
  const d = new Date(Date.UTC(2025, 12 - ++months, 1));
  return d.toISOString().slice(0, 7);
}

let groups = 0;

/** The smallest file the attachment check accepts as a PDF. */
export const PDF = Buffer.from('%PDF-1.4\n% role table\n%%EOF\n');

export const TEAM = [{ name: '李敏', department: 'discipline' }, { name: '王芳', department: 'organization_dept' }, { name: '赵强', department: 'civil_affairs' }];

/**
 * Records the role table's probes act on, all made through the product's routes as the town admin (or the account
 * the record belongs to). Reads share one record of each kind, made on first use and kept for the file (`shared`);
 * a probe that moves its record on (a disclosure reviewed, a round closed) asks for a fresh one, so the next account
 * meets the state the route needs again, not a 409.
 */
export class RoleState {
  private readonly memo = new Map<string, Promise<number>>();
  private sheet: Promise<Buffer> | undefined;

  constructor(private readonly world: RoleWorld) {}

  private get admin() { return this.world.town.admin; }
  get branch() { return this.world.branch.id; }

  /** One record of a kind for the whole file. */
  shared(key: string, make: () => Promise<number>): Promise<number> {
    let made = this.memo.get(key);
    if (!made) this.memo.set(key, made = make());
    return made;
  }

  /** The JSON of a successful answer (a failed set-up names the route and the answer). */
  async ok(res: Res | Promise<Res>, what: string): Promise<Json> {
    const r = await res;
    if (r.statusCode !== 200 && r.statusCode !== 201) throw new Error(`role table: ${what}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json();
  }

  /** A notification of the probed account, written by the notifications module's own writer (reminders use it). */
  notificationOf(as: AccountName): Promise<number> {
    return this.shared(`notification ${as}`, async () => {
      const [row] = await insertNotices(this.world.ctx.db, [{
        tenantId: this.world.town.tenantId, userId: this.world.accounts[as].userId, kind: 'compliance', title: '组织生活临近截止', body: '角色表核对', dedupeKey: 'role-table',
      }]);
      return row.id;
    });
  }

  /** A fresh 党小组 of the branch (one a probe may close). */
  async group(): Promise<number> {
    return (await this.ok(this.admin.post('/api/organizations', { parentId: this.branch, name: `角色表第${++groups}组`, kind: 'group' }), 'group')).id;
  }

  /** A full member of the branch, for a probe that moves them (党籍 events, transfer). */
  member(): Promise<number> {
    return createMember(this.world.town, this.branch);
  }

  /** A fresh member whose 党费 basis is set from January (so this month is due). */
  async memberWithDues(): Promise<number> {
    const id = await this.member();
    await this.ok(this.admin.request('PUT', `/api/members/${id}/dues/basis`, { effectiveFrom: '2026-01', category: 'farmer' }), 'dues basis');
    return id;
  }

  /** A fresh member with an open 流动 record. */
  async flow(body: Json): Promise<{ member: number; flow: number }> {
    const member = await this.member();
    const mobility = await this.ok(this.admin.post(`/api/members/${member}/flows`, body), 'flow');
    return { member, flow: mobility.flows.at(-1).id };
  }

  /** A fresh member with a 介绍信 issued. */
  async letter(body: Json): Promise<{ member: number; letter: number }> {
    const member = await this.member();
    const mobility = await this.ok(this.admin.post(`/api/members/${member}/letters`, body), 'letter');
    return { member, letter: mobility.letters.at(-1).id };
  }

  /** The blank import sheet the product serves (fetched once), as a browser uploads it. */
  async importSheet(): Promise<{ body: Buffer; headers: Record<string, string> }> {
    this.sheet ??= this.admin.get('/api/members/import-template').then((res) => res.rawPayload);
    return multipart(await this.sheet, '党员信息导入模板.xlsx');
  }

  /**
   * Steps the probed account's session up once (full numbers need it, 安全测试清单第26项), so a probe of a route
   * that reveals them meets only the role's decision; one argon2 check per account, not per probe.
   */
  async steppedUp(as: AccountName): Promise<void> {
    await this.shared(`step-up ${as}`, async () => (await this.world.accounts[as].session.stepUp(), 1));
  }

  /** A 组织生活 record of the branch, held on a day of its own (past, or a coming one for members to answer). */
  async activity(kind = 'theme_day', heldOn = nextPastDay()): Promise<number> {
    const body = { organizationId: this.branch, kind, heldOn, place: '村党员活动室', topic: '角色表核对' };
    return (await this.ok(this.admin.post('/api/activities', body), 'activity')).id;
  }

  /** A file (a small PDF) attached to an activity, by the town admin. */
  async activityFile(activityId: number): Promise<number> {
    const { body, headers } = multipart(PDF, '角色表方案.pdf', 'application/pdf');
    const detail = await this.ok(this.admin.request('POST', `/api/activities/${activityId}/files?category=plan`, body, headers), 'activity file');
    return detail.files.at(-1).id;
  }

  /** A record submitted for sign-off, overseen by the probed supervisor or by the branch's other supervisor. */
  async submittedActivity(supervisor: 'probed' | 'other'): Promise<number> {
    const id = await this.activity();
    const userId = (supervisor === 'probed' ? this.world.accounts.supervisor : this.world.otherSupervisor).userId;
    await this.ok(this.admin.request('PUT', `/api/activities/${id}/supervisor`, { userId }), 'supervisor named');
    await this.ok(this.admin.post(`/api/activities/${id}/reviews`, { action: 'submit' }), 'activity submitted');
    return id;
  }

  /**
   * A 导出申请 waiting for review, by the other branch's secretary (none of the probed accounts): the town's approval
   * threshold is lowered to 1 so their two-member roster needs one.
   */
  async pendingExportRequest(): Promise<number> {
    await this.shared('export threshold', async () => {
      await this.ok(this.admin.patch('/api/settings/export.approvalThreshold', { value: 1 }), 'threshold');
      await createMember(this.world.town, this.world.otherBranch.id);
      await createMember(this.world.town, this.world.otherBranch.id);
      return 1;
    });
    const s = this.world.otherSecretary.session;
    return (await this.ok(s.post('/api/member-exports', { query: { orgId: this.world.otherBranch.id }, reason: '角色表核对' }), 'export request')).id;
  }

  /** A 导出申请 of the branch's full roster by a probed account, approved by the factory's (other) town admin. */
  async approvedExportRequest(by: 'admin' | 'secretary'): Promise<number> {
    await this.pendingExportRequest();
    const s = this.world.accounts[by].session;
    const id = (await this.ok(s.post('/api/member-exports', { query: { orgId: this.branch }, reason: '角色表核对' }), 'export request')).id;
    await this.ok(this.admin.post(`/api/member-exports/${id}/approve`, { note: '同意' }), 'export approval');
    return id;
  }

  /** An open 联督联查 round visiting the branch. */
  async openRound(): Promise<number> {
    const body = { title: '角色表联督联查', startsOn: '2026-01-01', endsOn: '2026-12-31', team: TEAM, organizationIds: [this.branch] };
    return (await this.ok(this.admin.post('/api/inspections', body), 'round')).id;
  }

  /** A 整改 task of the branch, from a finding on a round of its own: open, or with evidence submitted for review. */
  async rectification(status: 'open' | 'submitted'): Promise<number> {
    const round = await this.openRound();
    const finding = { organizationId: this.branch, itemKey: 'disclosure', outcome: 'finding', note: '公开栏缺财务表', ownerName: '责任人', requiredEvidence: '公开栏照片' };
    const detail = await this.ok(this.admin.post(`/api/inspections/${round}/results`, finding), 'finding');
    const id = rectificationIdOf(detail);
    if (status === 'submitted') await this.ok(this.admin.post(`/api/rectifications/${id}/evidence`, { note: '已补公开' }), 'evidence');
    return id;
  }

  /** A 三务公开 of the branch in the given workflow status, for a month of its own. */
  async disclosure(status: 'draft' | 'submitted' | 'reviewed' | 'approved'): Promise<number> {
    const body = { organizationId: this.branch, category: 'finance', ruleKey: 'finance_monthly', period: nextPastMonth(), title: '角色表公开', content: '角色表公开正文' };
    const id = (await this.ok(this.admin.post('/api/disclosures', body), 'disclosure')).id;
    const steps = ['submit', 'review', 'approve'].slice(0, ['draft', 'submitted', 'reviewed', 'approved'].indexOf(status));
    for (const step of steps) await this.ok(this.admin.post(`/api/disclosures/${id}/${step}`, {}), `disclosure ${step}`);
    return id;
  }
}

/** The rectification a finding opened, from the round's detail. */
function rectificationIdOf(detail: Json): number {
  for (const village of detail.villages ?? []) {
    for (const r of village.results ?? []) if (r.rectificationId) return r.rectificationId;
  }
  throw new Error(`role table: no rectification in ${JSON.stringify(detail).slice(0, 300)}`);
}

/** A multipart body with one file (field "file"), as a browser sends it. */
export function multipart(file: Buffer, name: string, type = 'application/octet-stream'): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----roletable${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let photo: Promise<Buffer> | undefined;
/** A small JPEG photo (photo routes resize and strip it like a camera's). */
export const jpeg = () => (photo ??= sharp({ create: { width: 64, height: 48, channels: 3, background: '#c8161d' } }).jpeg().toBuffer());
