import {
  AimOutlined, ApartmentOutlined, ClusterOutlined, AuditOutlined, BarChartOutlined, DashboardOutlined, CalendarOutlined, CheckSquareOutlined, FlagOutlined, FormOutlined, MoneyCollectOutlined, OrderedListOutlined,
  MessageOutlined, SolutionOutlined, UserAddOutlined, BankOutlined, SafetyCertificateOutlined, NotificationOutlined,
  ProfileOutlined, ScheduleOutlined, SettingOutlined, WalletOutlined, TeamOutlined, UserOutlined, IdcardOutlined, CrownOutlined, GlobalOutlined, RiseOutlined, StarOutlined, FundOutlined, ReadOutlined,
  CarOutlined, HomeOutlined, TrophyOutlined, ReconciliationOutlined,
} from '../../lib/icons';
import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import type { Role } from '@dj/contracts';
import { hasWorkRole, inTown, isDistrictViewer, isTownAdmin } from '../../lib/roles';
import { canSupervise, isPartyMember } from '../../features/supervision/access';
import { hasOwnPay } from '../../features/assessment/pay-access';

type MenuItem = Required<MenuProps>['items'][number];

interface MenuEntry {
  key: string;
  icon: ReactNode;
  label: string;
  /** Who sees the entry; the server checks again on every request. */
  visible: (roles: readonly Role[]) => boolean;
}

/** Town admins and branch secretaries record a branch's activities. */
const canRecord = (roles: readonly Role[]) => roles.includes('town_admin') || roles.includes('branch_secretary');
/** Everyone with a part in a 考核期: the town, the scorers, the villages' secretaries, the town's staff assessed. */
const takesPartInAssessment = (roles: readonly Role[]) => (['town_admin', 'branch_secretary', 'supervisor', 'inspector'] as const).some((r) => roles.includes(r));

/** assessment.read: the town, the branch secretaries and the 包村干部 (supervisors). */
const canReadSchemes = (roles: readonly Role[]) => canRecord(roles) || roles.includes('supervisor');

/** Only modules that exist get a menu entry; add new ones here as they are built. */
const MENU_ENTRIES: MenuEntry[] = [
  // 区级驾驶舱 (issue 17 point 5): the 区委组织部's only page; its towns' pages open from it, read-only.
  { key: '/district', icon: <ClusterOutlined />, label: '区级驾驶舱', visible: isDistrictViewer },
  // 驾驶舱 (issue 17): the town's month at a glance; a village's secretary opens their own village's card from it.
  { key: '/dashboard', icon: <DashboardOutlined />, label: '驾驶舱', visible: canRecord },
  // 对标 (issue 17 point 4): the town against its benchmark town (benchmark.read, the town admin).
  { key: '/dashboard/benchmark', icon: <AimOutlined />, label: '对标', visible: isTownAdmin },
  { key: '/organizations', icon: <ApartmentOutlined />, label: '组织架构', visible: inTown },
  { key: '/members', icon: <TeamOutlined />, label: '党员名册', visible: inTown },
  { key: '/recruitment', icon: <UserAddOutlined />, label: '发展党员', visible: hasWorkRole },
  { key: '/tasks', icon: <CheckSquareOutlined />, label: '待办事项', visible: hasWorkRole },
  { key: '/compliance', icon: <CalendarOutlined />, label: '组织生活日历', visible: hasWorkRole },
  { key: '/activities', icon: <FlagOutlined />, label: '组织生活', visible: hasWorkRole },
  // The month's main record, one tap from anywhere (issue 13 point 7).
  { key: '/activities/theme-day', icon: <FormOutlined />, label: '记录主题党日', visible: canRecord },
  { key: '/supervision', icon: <AuditOutlined />, label: '督导', visible: canSupervise },
  { key: '/my', icon: <UserOutlined />, label: '我的组织生活', visible: isPartyMember },
  // 我的学习 (issue 19 point 7): own 学时 against the target and the branch's coming sessions, on the phone.
  { key: '/my/study', icon: <ReadOutlined />, label: '我的学习', visible: isPartyMember },
  // 我的联户 (issue 20 point 3): the households the member looks after, a visit logged in a few taps.
  { key: '/my/households', icon: <HomeOutlined />, label: '我的联户', visible: isPartyMember },
  { key: '/recruitment/mentoring', icon: <SolutionOutlined />, label: '我培养联系的人', visible: isPartyMember },
  { key: '/disclosures', icon: <NotificationOutlined />, label: '三务公开', visible: hasWorkRole },
  // 村民说事 (issue 20): the villages' matters through 说事→议事→办事→评事 (matters.read: the branches' readers).
  { key: '/matters', icon: <MessageOutlined />, label: '村民说事', visible: hasWorkRole },
  // 村干部 (issue 15): the town keeps them; a village's secretary reads their own village's.
  { key: '/cadres', icon: <CrownOutlined />, label: '村干部', visible: canRecord },
  // 后备人才 递进培养计划 (issue 15 point 4): the town's pipeline board, each village's reserves.
  { key: '/reserves', icon: <RiseOutlined />, label: '后备人才', visible: canRecord },
  // 人才 (issue 15): the registry of the 人才"十百千"工程; the branches' readers see their villages'.
  { key: '/talent', icon: <StarOutlined />, label: '人才', visible: hasWorkRole },
  // 在外人才 (issue 15 point 7): the town and each village keep their people working elsewhere in touch.
  { key: '/talent/away', icon: <GlobalOutlined />, label: '在外人才', visible: hasWorkRole },
  // 集体经济 (issue 18): each village's collective income and the weak-village line; the branches' readers see their villages'.
  { key: '/economy', icon: <FundOutlined />, label: '集体经济', visible: hasWorkRole },
  // 党员联户 (issue 20 point 3): each village's households, their members and visits (households.read).
  { key: '/households', icon: <HomeOutlined />, label: '党员联户', visible: hasWorkRole },
  // 教育培训 (issue 19): sessions and 学时 of the scope (education.read: the branches' readers).
  { key: '/education', icon: <ReadOutlined />, label: '教育培训', visible: hasWorkRole },
  // 对标学习 and 培训阵地 (issue 19 points 4–5): trips with 心得 and follow-ups; venues, bookings and groups hosted.
  { key: '/education/trips', icon: <CarOutlined />, label: '对标学习', visible: hasWorkRole },
  { key: '/education/venues', icon: <HomeOutlined />, label: '培训阵地', visible: hasWorkRole },
  // 党建示范点 and 党建动态 (issue 20): the showcases of the scope (a secretary their own branch's); the town's news.
  { key: '/showcases', icon: <TrophyOutlined />, label: '党建示范点', visible: hasWorkRole },
  { key: '/news', icon: <ReconciliationOutlined />, label: '党建动态', visible: isTownAdmin },
  // 考核方案 (issue 16): the town's "3+1" and "3+7" schemes, versioned; the town edits, the villages and the 包村干部
  // who score them read (assessment.read).
  { key: '/assessment/schemes', icon: <ProfileOutlined />, label: '考核方案', visible: canReadSchemes },
  // 考核期 (issue 16 point 3): the town opens, scores and approves; 包村干部 score their villages; a village and a
  // 镇机关 staff member (包村干部, 检查员) see their own draft and object to it.
  { key: '/assessment/periods', icon: <ScheduleOutlined />, label: '考核期', visible: takesPartInAssessment },
  // 我的考核与报酬 (issue 16 point 6): the assessed people's own months, score and pay with the why of each amount.
  { key: '/assessment/my-pay', icon: <WalletOutlined />, label: '我的考核与报酬', visible: hasOwnPay },
  { key: '/positions', icon: <BankOutlined />, label: '阵地建设', visible: hasWorkRole },
  { key: '/inspections', icon: <SafetyCertificateOutlined />, label: '联督联查', visible: hasWorkRole },
  { key: '/dues', icon: <MoneyCollectOutlined />, label: '党费收缴', visible: hasWorkRole },
  // 党内统计 (issue 17 point 3): the town's and each branch's yearly tables (statistics.read).
  { key: '/statistics', icon: <BarChartOutlined />, label: '党内统计', visible: canRecord },
  { key: '/settings', icon: <SettingOutlined />, label: '本镇设置', visible: isTownAdmin },
  { key: '/settings/checklists', icon: <OrderedListOutlined />, label: '检查清单', visible: isTownAdmin },
  { key: '/settings/users', icon: <IdcardOutlined />, label: '账号管理', visible: isTownAdmin },
  { key: '/settings/outbox', icon: <MessageOutlined />, label: '短信记录', visible: isTownAdmin },
];

export function menuItemsFor(roles: readonly Role[]): MenuItem[] {
  return MENU_ENTRIES.filter((entry) => entry.visible(roles)).map(({ key, icon, label }) => ({ key, icon, label }));
}

// Longest first, so /settings/checklists is not taken for /settings.
const MENU_KEYS = MENU_ENTRIES.map((entry) => entry.key).sort((a, b) => b.length - a.length);

export function selectedMenuKey(pathname: string): string[] {
  const key = MENU_KEYS.find((k) => pathname === k || pathname.startsWith(`${k}/`));
  return key ? [key] : [];
}
