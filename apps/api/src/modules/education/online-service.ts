/**
 * 线上学习 (issue 19 point 3): a branch imports its 流动党员's study from a 学习强国 or 灯塔—党建在线 export (dry run by
 * default, a row-by-row Chinese report, all or nothing in one transaction), or enters one member's reported hours
 * (代为登记, also for members without a phone). Members are matched by name within the branch only: a name the roster
 * has twice or not at all is reported on its row, never guessed. Optional records: nothing here asks anyone to be
 * online, measures time online or ranks anyone.
 */
import { ONLINE_PLATFORM_LABELS, OnlineEntrySchema, todayInShanghai, type OnlineEntry, type OnlineEntryResult, type OnlineImportReport, type OnlinePlatform } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, loadBranchInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError, invalid } from '../../lib/errors.js';
import { settingValues } from '../settings/index.js';
import { parseOnlineWorkbook, type ParsedOnlineRow } from './online-parse.js';
import { onlineSession, refreshHours, setLine, type LineStatus } from './online-repository.js';
import { peopleUnder, type PersonUnder } from './people-repository.js';

type Branch = Awaited<ReturnType<typeof loadBranchInScope>>;
interface Line { personId: number; organizationId: number; platform: OnlinePlatform; month: string; hours: number; rows: ParsedOnlineRow[]; status: LineStatus }

/** The branch in scope (404) where the caller records (403). */
async function recordingBranch(db: DbOrTx, user: AuthUser, orgId: number): Promise<Branch> {
  const branch = await loadBranchInScope(db, user, orgId);
  requirePermission(user, 'education.record', undefined, branch.path);
  return branch;
}

const membersOf = async (db: DbOrTx, tenantId: number, path: string) => (await peopleUnder(db, tenantId, path)).filter((p) => p.source === 'member');

function memberNamed(name: string, members: PersonUnder[]): PersonUnder | string {
  const found = members.filter((m) => m.name === name);
  if (found.length === 1) return found[0];
  return found.length ? `本支部有${found.length}名党员叫“${name}”,无法确定是哪一位,未导入:请用“代为登记”逐人登记` : `“${name}”不在本支部党员名册中(按姓名匹配),未导入`;
}

function monthProblem(month: string, today: string): string | null {
  if (month > today.slice(0, 7)) return `${month}尚未到来,不能登记`;
  if (month < '2000-01') return '月份过早';
  return null;
}

/** Rows of one member, platform and month summed (an export per day gives many); refused rows stay out. */
function gather(rows: ParsedOnlineRow[], members: PersonUnder[], chosen: { platform?: OnlinePlatform; month?: string }): Line[] {
  const lines = new Map<string, Line>();
  const today = todayInShanghai();
  for (const row of rows) {
    const platform = row.platform ?? chosen.platform;
    const month = row.month ?? chosen.month;
    if (!platform) row.errors.push({ column: '平台', message: '表中没有平台列,标题也没有写平台:请在导入时选择学习强国或灯塔—党建在线' });
    if (!month && !row.monthColumn) row.errors.push({ column: '日期/月份', message: '表中没有日期或月份列:请在导入时选择月份' });
    const late = month && monthProblem(month, today);
    if (late) row.errors.push({ column: '日期/月份', message: late });
    const who = row.name ? memberNamed(row.name, members) : undefined;
    if (typeof who === 'string') row.errors.push({ column: '姓名', message: who });
    if (row.errors.length || !who || typeof who === 'string' || !platform || !month || row.hours === null) {
      if (!month && !row.errors.length) row.errors.push({ column: '日期/月份', message: '必填项为空' });
      continue;
    }
    const key = `${who.personId}:${platform}:${month}`;
    const line = lines.get(key) ?? { personId: who.personId, organizationId: who.organizationId, platform, month, hours: 0, rows: [], status: 'create' as LineStatus };
    line.hours = Math.round((line.hours + row.hours) * 10) / 10;
    line.rows.push(row);
    lines.set(key, line);
  }
  return [...lines.values()];
}

async function write(tx: DbOrTx, caller: Caller, branch: Branch, line: Omit<Line, 'rows' | 'status'>) {
  const tenantId = caller.user.tenantId;
  const sessionId = await onlineSession(tx, { tenantId, organizationId: branch.id, platform: line.platform, month: line.month }, caller.user.id);
  const done = await setLine(tx, { tenantId, sessionId, sessionOrganizationId: branch.id, organizationId: line.organizationId, personId: line.personId, hours: line.hours });
  await refreshHours(tx, sessionId);
  return { sessionId, ...done };
}

function reportOf(rows: ParsedOnlineRow[], lines: Line[], dryRun: boolean, written: boolean): OnlineImportReport {
  const lineOf = new Map(lines.flatMap((l) => l.rows.map((r) => [r, l] as const)));
  // No 身份证号 is echoed: the report carries the row's name, its errors and what it becomes.
  const reported = rows.map((r) => {
    const l = lineOf.get(r);
    const status = r.errors.length || !l ? 'invalid' as const : l.status;
    const notes = l ? [`${ONLINE_PLATFORM_LABELS[l.platform]} ${l.month} 本行${r.hours}学时${l.rows.length > 1 ? `,该月合计${l.hours}学时` : ''}`] : undefined;
    return { sheet: r.sheet, row: r.row, status, name: r.name || null, errors: r.errors, ...(notes ? { notes } : {}) };
  });
  const count = (s: LineStatus) => (written || dryRun ? lines.filter((l) => l.status === s).length : 0);
  return {
    total: reported.length, dryRun, valid: reported.filter((r) => r.status !== 'invalid').length, invalid: reported.filter((r) => r.status === 'invalid').length,
    created: count('create'), updated: count('update'), rows: reported,
  };
}

class Rollback extends Error {}

export async function importOnline(db: Db, caller: Caller, options: { orgId: number; dryRun: boolean; platform?: OnlinePlatform; month?: string; file: () => Promise<Buffer> }): Promise<OnlineImportReport> {
  const branch = await recordingBranch(db, caller.user, options.orgId);
  const minutes = (await settingValues(db, caller.user.tenantId, ['education.onlineMinutesPerHour']))['education.onlineMinutesPerHour'];
  let rows: ParsedOnlineRow[];
  try {
    rows = await parseOnlineWorkbook(await options.file(), minutes);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', err instanceof Error ? err.message : '无法读取文件', [{ path: 'file', message: '文件无法解析' }]);
  }
  const lines = gather(rows, await membersOf(db, caller.user.tenantId, branch.path), options);
  let written = false;
  try {
    // The plan is the real write in one transaction: a dry run reports exactly what the real run would do, then rolls back.
    await db.transaction(async (tx) => {
      for (const line of lines) line.status = (await write(tx, caller, branch, line)).status;
      if (options.dryRun || rows.some((r) => r.errors.length) || !lines.length) throw new Rollback();
      await audit(tx, caller, {
        action: 'education.online.import', objectType: 'organization', objectId: branch.id,
        detail: { organizationId: branch.id, minutesPerHour: minutes, rows: rows.length, lines: lines.map(({ personId, platform, month, hours, status }) => ({ personId, platform, month, hours, status })) },
      });
      written = true;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return reportOf(rows, lines, options.dryRun, written);
}

/** 代为登记: sets one member's hours of a month on a platform (0 clears it to nothing counted). */
export async function enterOnline(db: Db, caller: Caller, body: OnlineEntry): Promise<OnlineEntryResult> {
  const input = OnlineEntrySchema.parse(body);
  const late = monthProblem(input.month, todayInShanghai());
  if (late) throw invalid('month', late);
  return db.transaction(async (tx) => {
    const branch = await recordingBranch(tx, caller.user, input.orgId);
    const member = (await membersOf(tx, caller.user.tenantId, branch.path)).find((m) => m.personId === input.personId);
    if (!member) throw invalid('personId', '所选人员不在本支部党员名册中');
    const done = await write(tx, caller, branch, { ...input, organizationId: member.organizationId });
    await audit(tx, caller, {
      action: 'education.online.entry', objectType: 'training_session', objectId: done.sessionId,
      detail: { organizationId: branch.id, personId: input.personId, platform: input.platform, month: input.month, was: done.was, now: input.hours },
    });
    return { sessionId: done.sessionId, personId: input.personId, month: input.month, platform: input.platform, hours: input.hours };
  });
}
