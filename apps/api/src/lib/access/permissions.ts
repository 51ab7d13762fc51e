/**
 * Who may do what: the one role × permission table, and the scope each role carries. Every role decision in
 * the API is a lookup here (`can`, `requirePermission`); no module tests `user.roles` itself. Visibility (which
 * records a caller sees at all) is decided in SQL by the scoped loaders and `scopeFilter`; this table decides
 * what a caller may do with a record they already see.
 */
import type { Role } from '@dj/contracts';
import { isPathBelowScopeRoot } from '../../db/scope.js';
import { forbidden } from '../errors.js';
import type { AuthUser } from './caller.js';

/**
 * The part of the organisation tree a role is granted at (each grant names its organisation; this records which
 * kind it is for each role, and `isSelfOnly` follows from it).
 */
export const ROLE_SCOPE: Record<Role, 'town' | 'branch' | 'assigned branches' | 'self' | 'district'> = {
  town_admin: 'town',
  inspector: 'town',
  supervisor: 'assigned branches',
  branch_secretary: 'branch',
  member: 'self',
  // Granted at a district tenant's root: its own tenant holds no business rows; it reads its towns through
  // modules/district, each as a derived read-only caller scoped to that town (docs/decisions/010).
  district_viewer: 'district',
};

interface Grant { roles: readonly Role[]; denied: string }

const ADMIN: readonly Role[] = ['town_admin'];
/** The branch's own business: the town and the branch's secretary write it. */
const BRANCH_WRITERS: readonly Role[] = ['town_admin', 'branch_secretary'];
/** Everyone who works on the branches' lists (all but a plain 党员). */
const BRANCH_READERS: readonly Role[] = ['town_admin', 'supervisor', 'inspector', 'branch_secretary'];

/** Permissions named by action. The message is the default 403 text; a call site may say it more precisely. */
export const PERMISSIONS = {
  'branch.browse': { roles: BRANCH_READERS, denied: '党员本人只查看自己的信息' },
  'members.manage': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本支部书记可以办理' },
  'members.transferInTown': { roles: ADMIN, denied: '本镇党支部之间的组织关系转接由镇党委办理;支部书记可记录转往本镇以外' },
  /**
   * The roster as a file (and its preview, and a request to export more): list work of the branches' readers. A plain
   * 党员 sees only their own record, on their own page (PRODUCT.md: members' data is private, exports controlled).
   */
  'members.export': { roles: BRANCH_READERS, denied: '党员本人不导出名册,本人信息请在“我的党员信息”中查看' },
  'members.reviewExports': { roles: ADMIN, denied: '只有镇党委管理员可以审批导出申请' },
  'organizations.manage': { roles: ADMIN, denied: '无权修改该组织' },
  'organizations.manageGroups': { roles: ['branch_secretary'], denied: '支部书记只能在本支部下新建党小组' },
  'villages.readAll': { roles: ADMIN, denied: '只有镇党委管理员可以查看全镇村庄' },
  'activities.record': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本支部书记可以记录组织生活' },
  'activities.signOffAny': { roles: ADMIN, denied: '只有镇党委管理员和该记录的督导干部可以签认' },
  'activities.signOff': { roles: ['town_admin', 'supervisor'], denied: '只有镇党委管理员和该记录的督导干部可以签认' },
  'activities.configure': { roles: ADMIN, denied: '只有镇党委管理员可以修改检查清单模板' },
  'supervision.assign': { roles: ADMIN, denied: '只有镇党委管理员可以指派督导干部' },
  'supervision.read': { roles: ['town_admin', 'supervisor'], denied: '只有镇党委管理员和督导干部查看督导安排' },
  /** Held by the person named, not the caller: who can be made a branch's supervisor. */
  'supervision.supervise': { roles: ['supervisor'], denied: '所选人员不是督导干部' },
  'recruitment.record': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本支部书记可以记录发展党员程序' },
  'recruitment.recordCommitteeSteps': { roles: ADMIN, denied: '该步骤由上级党委(镇党委)办理并记录' },
  'recruitment.plan': { roles: ADMIN, denied: '年度发展党员计划由镇党委制定' },
  'recruitment.configureSteps': { roles: ADMIN, denied: '只有镇党委管理员可以增加发展党员步骤' },
  'inspection.plan': { roles: ADMIN, denied: '只有镇党委管理员可以安排联督联查' },
  'inspection.inspect': { roles: ['town_admin', 'inspector'], denied: '只有检查组(纪委、民政检查员)和镇党委管理员可以记录检查结果' },
  'rectification.submit': { roles: BRANCH_WRITERS, denied: '只有本村党支部书记和镇党委管理员可以提交整改材料' },
  'positions.edit': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本支部书记可以修改' },
  'positions.editItems': { roles: ADMIN, denied: '只有镇党委管理员可以修改小微权力清单事项' },
  /** 三务公开 (rules/workflow.ts): the branch proposes and publishes, the 包村干部 or town reviews, the town approves. */
  'disclosure.propose': { roles: BRANCH_WRITERS, denied: '由本村党支部书记或镇党委管理员办理' },
  'disclosure.review': { roles: ['town_admin', 'supervisor'], denied: '由包村干部或镇党委管理员审核' },
  'disclosure.approve': { roles: ADMIN, denied: '由镇党委管理员审批' },
  /** 村干部 (issue 15): the town keeps the two committees' posts; the branch's readers see their villages' cadres. */
  'cadres.read': { roles: BRANCH_READERS, denied: '党员本人不查看村干部任职信息' },
  'cadres.manage': { roles: ADMIN, denied: '村干部的任免、选派和动态调整由镇党委管理员登记' },
  'cadres.board': { roles: ADMIN, denied: '只有镇党委管理员查看全镇村干部情况' },
  /** 在外人才 (issue 15 point 7): a village's secretary keeps their own village's people away, the town all. */
  'talentAway.read': { roles: BRANCH_READERS, denied: '党员本人不查看在外人才信息' },
  'talentAway.record': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本村党支部书记可以登记在外人才' },
  /** 后备人才 (issue 15 point 4): the village's secretary and the town keep the village's pipeline; the town reads the board. */
  'reserves.manage': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本村党支部书记可以登记后备人才' },
  /** 人才 (issue 15 point 6): each village files its own talents; the town sets the programme's yearly targets. */
  'talent.read': { roles: BRANCH_READERS, denied: '党员本人不查看人才名册' },
  'talent.manage': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本村党支部书记可以登记人才' },
  'talent.targets': { roles: ADMIN, denied: '人才"十百千"工程的年度目标由镇党委确定' },
  /**
   * 集体经济 (issue 18): a village's collective income by source. The town, its 检查组 and a 包村干部 (assigned villages)
   * read it, a secretary their own village; the secretary (own village) and the town enter and submit; the town approves.
   */
  'economy.read': { roles: BRANCH_READERS, denied: '党员本人不查看集体经济收入' },
  'economy.enter': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本村党支部书记可以填报集体经济收入' },
  'economy.approve': { roles: ADMIN, denied: '集体经济收入由镇党委管理员审核' },
  /**
   * 考核方案 (issue 16): the town keeps its schemes; a village's secretary reads the village cadres' schemes that apply
   * to their village (the service narrows the audience), and so does a 包村干部, who scores the villages against them
   * (assessment.score) and needs each leaf's 评分依据; the 考核计量 of a branch at the branches of the holder's scope.
   */
  'assessment.read': { roles: ['town_admin', 'branch_secretary', 'supervisor'], denied: '只有镇党委管理员、村党支部书记和包村干部可以查看考核方案' },
  'assessment.manage': { roles: ADMIN, denied: '考核方案由镇党委管理员制定和修改' },
  /** 评分: the town admin, and the 包村干部 (supervisors) for the villages assigned to them (the service checks the assignment). */
  'assessment.score': { roles: ['town_admin', 'supervisor'], denied: '只有镇党委管理员和包村干部可以评分' },
  /** 异议 on a village's score: its branch secretary, for their village. */
  'assessment.objectVillage': { roles: ['branch_secretary'], denied: '只有本村党支部书记可以对本村得分提出异议' },
  /** Held by the person assessed: 镇机关 staff (包村干部, 检查组) are the subjects of 镇机关 schemes and object on their own score. */
  'assessment.objectSelf': { roles: ['supervisor', 'inspector'], denied: '只有被考核的镇机关工作人员本人可以对本人得分提出异议' },
  /**
   * 教育培训 (issue 19): the branches' readers see the sessions and 学时 of their scope; the town records its 集中轮训 and
   * a branch's secretary the branch's own study. Hours are a record, never a score (no permission ranks anyone).
   */
  'education.read': { roles: BRANCH_READERS, denied: '党员本人在“我的学习”中查看自己的学时' },
  'education.record': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本支部书记可以登记培训' },
  /** 党内统计 (issue 17 point 3): the town's tables and each branch's own; the members behind a cell are in the same scope. */
  'statistics.read': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和党支部书记可以查看党内统计' },
  /**
   * 驾驶舱 (issue 17): the overview of the branches in the caller's scope and each village's card; the town sees every
   * village, a secretary their own, a 包村干部 the villages assigned (scope in SQL). Figures only, never a ranking.
   */
  'dashboard.read': { roles: [...BRANCH_READERS, 'district_viewer'], denied: '党员本人不查看驾驶舱' },
  /**
   * 对标 (issue 17 point 4): the town's own comparison with its benchmark town, town-wide figures only. The district
   * reads each town's 驾驶舱, not (yet) its 对标 page. Only the town picks indicators and enters values.
   */
  'benchmark.read': { roles: ADMIN, denied: '只有镇党委管理员查看对标情况' },
  'benchmark.manage': { roles: ADMIN, denied: '对标指标和对标镇数值由镇党委管理员录入' },
  /**
   * 会议报告 (issue 17 point 7): the town's monthly and yearly report for the town committee's meeting covers the whole
   * town and carries its 党内统计, so only the town's admin makes it; a secretary reads their branch on the 驾驶舱.
   */
  'dashboard.report': { roles: ADMIN, denied: '会议报告由镇党委管理员生成(全镇范围)' },
  /**
   * 区级 (issue 17 point 5): the district's towns, their 驾驶舱 side by side with the district's sums, and each town's
   * 驾驶舱 read-only. The 区委组织部 holds no town permission but dashboard.read, which the derived caller of each
   * town's 驾驶舱 needs (modules/district); figures only, no ranking.
   */
  'district.read': { roles: ['district_viewer'], denied: '只有区委组织部账号可以查看区级驾驶舱' },
  /**
   * 对标学习 (issue 19 point 4): the branches' readers see the trips of their scope (a village's part of a town trip
   * included); the organiser (the town, or a village's secretary for their own) keeps a trip, its participants and
   * follow-ups, and a unit's writer its own participants' 心得 and actions (the service checks the path).
   */
  'trips.read': { roles: BRANCH_READERS, denied: '党员本人不查看对标学习记录' },
  'trips.manage': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本村党支部书记可以登记对标学习' },
  /**
   * 培训阵地 (issue 19 point 5): venues, bookings and 参观考察 groups are their organisation's (the town's own are the
   * town admin's); the branches' readers see those of their scope.
   */
  'venues.read': { roles: BRANCH_READERS, denied: '党员本人不查看培训阵地' },
  'venues.manage': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本村党支部书记可以管理培训阵地和预约' },
  /**
   * 村民说事 (issue 20): the branches' readers see the matters of their villages (a 包村干部 those assigned, the 检查组 the
   * town's); the village's secretary and the town record each stage. A plain 党员 works no village's cases.
   */
  'matters.read': { roles: BRANCH_READERS, denied: '党员本人不查看村民说事台账' },
  'matters.handle': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本村党支部书记可以登记村民说事' },
  /**
   * 转为村民说事 from one's own 联户 visit: the member carries the villager's matter to the village, so any account that
   * visits (every role that logs visits on 我的联户) may file it; which visit is theirs is the household's open link.
   */
  'matters.raiseFromOwnVisit': { roles: ['town_admin', 'supervisor', 'inspector', 'branch_secretary', 'member'], denied: '只能将本人走访中群众反映的事项转为村民说事' },
  /**
   * 党建示范点 (issue 20 point 5): the branches' readers see the showcases of their scope; the town names, evaluates and
   * publishes them and keeps the criteria; the branch's secretary keeps up their own showcase's practices, visits, photos.
   */
  'showcases.read': { roles: BRANCH_READERS, denied: '党员本人不查看示范点管理' },
  'showcases.update': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本支部书记可以维护示范点' },
  'showcases.manage': { roles: ADMIN, denied: '示范点的命名、评估和公开由镇党委管理员办理' },
  /** 党建动态 (issue 20 point 6): the town drafts; a second town admin approves; the town publishes. */
  'news.write': { roles: ADMIN, denied: '只有镇党委管理员可以撰写党建动态' },
  'news.publish': { roles: ADMIN, denied: '只有镇党委管理员可以审核和发布党建动态' },
  /**
   * 党员联户 (issue 20 point 3): the branches' readers see the households of their villages and the visits; the town and
   * the village's secretary keep the list, assign members and enter a visit for a member (代为登记). A member logs their
   * own households' visits on 我的联户 (their open link decides, not a permission). Deadlines only, no score of members.
   */
  'households.read': { roles: BRANCH_READERS, denied: '党员本人在“我的联户”中查看自己联系的农户' },
  'households.manage': { roles: BRANCH_WRITERS, denied: '只有镇党委管理员和本村党支部书记可以管理联户' },
  'notifications.readLog': { roles: ADMIN, denied: '只有镇党委管理员可以查看短信发送记录' },
  /**
   * Held by the user signing in, not the caller of a route: a sign-in of these roles needs a second factor when the town's
   * security.twoFactorRequired is on (issue 12 point 3; 等保 身份鉴别). Others may enrol of their own accord.
   */
  'twoFactor.required': { roles: ['town_admin', 'inspector'], denied: '本角色须使用手机验证码登录' },
  'twoFactor.reset': { roles: ADMIN, denied: '只有镇党委管理员可以重置他人的手机验证器' },
  'settings.manage': { roles: ADMIN, denied: '只有镇党委管理员可以修改本镇规则设置' },
  /** Accounts a town runs itself (issue 12 point 1): create, grant roles, disable, reset passwords, end sessions. */
  'users.manage': { roles: ADMIN, denied: '只有镇党委管理员可以管理账号' },
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof PERMISSIONS;

/** Does any of these roles hold the permission? For a user other than the caller (e.g. a supervisor being named). */
export function rolesGrant(roles: readonly string[], permission: Permission): boolean {
  const granted: readonly Role[] = PERMISSIONS[permission].roles;
  return roles.some((r) => (granted as readonly string[]).includes(r));
}

/**
 * May the caller do this? Some grant of theirs must be of a role that holds the permission and, with a path, be at an
 * organisation whose subtree contains the record (a secretary of one village who supervises another does a
 * secretary's writes in the first only). Records reach a service through a scoped query, so the path test never
 * replaces the loader; without a path the question is whether the caller holds the permission anywhere.
 */
export function can(user: Pick<AuthUser, 'grants'>, permission: Permission, path?: string): boolean {
  const granted: readonly Role[] = PERMISSIONS[permission].roles;
  return user.grants.some((g) => granted.includes(g.role) && (path === undefined || path.startsWith(g.path)));
}

/** 403 unless the caller holds the permission (call it after the record is loaded: out of scope is 404 first). */
export function requirePermission(user: Pick<AuthUser, 'grants'>, permission: Permission, message?: string, path?: string): void {
  if (!can(user, permission, path)) throw forbidden(message ?? PERMISSIONS[permission].denied);
}

/** A plain 党员 (every role self-scoped): sees only their own record and none of the branch's work lists. */
export function isSelfOnly(user: Pick<AuthUser, 'roles'>): boolean {
  return user.roles.length > 0 && user.roles.every((r) => ROLE_SCOPE[r] === 'self');
}

/**
 * Does the record lie strictly below one of the caller's scope roots? Organisation structure may be changed
 * below a root, never the root itself (a secretary cannot close their own branch). A pure test on a row the
 * scoped loader already returned.
 */
export function belowScopeRoot(user: Pick<AuthUser, 'scope'>, path: string): boolean {
  return isPathBelowScopeRoot(path, user.scope);
}
