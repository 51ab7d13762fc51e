import { lazy, Suspense, type ComponentType } from 'react';
import { Flex, Spin } from 'antd';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { HomeRedirect } from './HomeRedirect';

/**
 * Each page is its own chunk, loaded when its route is first opened: a member on a phone who only opens 我的组织生活
 * does not download the recruitment, inspection and ledger pages. The router waits for the chunk before it switches.
 */
function page<M>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

// The second factor's step is needed only after a right password, by the few accounts that have one: not on first load.
const SecondStep = lazy(() => import('../features/two-factor/SecondStep').then((m) => ({ default: m.SecondStep })));

/** Shown while the first page's chunk arrives on a slow line. */
const firstLoad = (
  <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
    <Spin description="正在加载…" size="large"><div style={{ padding: 40 }} /></Spin>
  </Flex>
);

export const routes: RouteObject[] = [
  // The sign-in page itself is plain HTML outside the app (login.html, issue 21 point 4); the second factor's step, for
  // the few accounts that have one, is the app's (issue 12 point 3), in the sign-in page's frame.
  {
    path: '/login/second-step',
    lazy: async () => {
      const { SecondStepPage } = await import('../features/auth/SecondStepPage');
      return { Component: () => <SecondStepPage secondStep={(slot) => <Suspense fallback={<Spin />}><SecondStep {...slot} /></Suspense>} /> };
    },
  },
  // A link inside the app to the sign-in page: it is not one of the app's pages, so it is loaded as a page.
  { path: '/login', lazy: async () => ({ Component: (await import('../features/auth/SecondStepPage')).SignInRedirect }) },
  {
    path: '/',
    hydrateFallbackElement: firstLoad,
    lazy: page(() => import('./SignedInShell'), 'SignedInShell'),
    children: [
      // Each role starts on its own page: 我的组织生活 for a 党员, 待办 for a secretary and the town admin (issue 13 point 8).
      { index: true, element: <HomeRedirect /> },
      { path: 'organizations', lazy: page(() => import('../features/organizations/OrganizationsPage'), 'OrganizationsPage') },
      // One route for the roster and a member's detail, so the page (and its list) stays mounted while the drawer opens.
      { path: 'members/exports', lazy: page(() => import('../features/members/MemberExportsPage'), 'MemberExportsPage') },
      { path: 'members/:memberId?', lazy: page(() => import('./MembersRoute'), 'MembersRoute') },
      { path: 'recruitment', lazy: page(() => import('../features/recruitment/RecruitmentBoardPage'), 'RecruitmentBoardPage') },
      { path: 'recruitment/recruitments', lazy: page(() => import('../features/recruitment/RecruitmentListPage'), 'RecruitmentListPage') },
      { path: 'recruitment/recruitments/:id', lazy: page(() => import('../features/recruitment/RecruitmentPage'), 'RecruitmentPage') },
      { path: 'recruitment/plans', lazy: page(() => import('../features/recruitment/RecruitmentPlanPage'), 'RecruitmentPlanPage') },
      { path: 'recruitment/mentoring', lazy: page(() => import('../features/recruitment/MentoringPage'), 'MentoringPage') },
      { path: 'disclosures', lazy: page(() => import('../features/disclosure/DisclosuresPage'), 'DisclosuresPage') },
      { path: 'disclosures/:id', lazy: page(() => import('../features/disclosure/DisclosurePage'), 'DisclosurePage') },
      { path: 'positions', lazy: page(() => import('../features/positions/PositionsPage'), 'PositionsPage') },
      { path: 'positions/service-centers/:id', lazy: page(() => import('../features/positions/ServiceCenterPage'), 'ServiceCenterPage') },
      { path: 'positions/four-two/:id', lazy: page(() => import('../features/positions/FourTwoPage'), 'FourTwoPage') },
      { path: 'inspections', lazy: page(() => import('../features/inspection/InspectionsPage'), 'InspectionsPage') },
      { path: 'inspections/:id', lazy: page(() => import('../features/inspection/InspectionRoundPage'), 'InspectionRoundPage') },
      { path: 'inspections/:id/villages/:orgId', lazy: page(() => import('../features/inspection/InspectorVillagePage'), 'InspectorVillagePage') },
      { path: 'rectifications/:id', lazy: page(() => import('../features/inspection/RectificationPage'), 'RectificationPage') },
      { path: 'cadres', lazy: page(() => import('../features/cadres/CadresPage'), 'CadresPage') },
      { path: 'talent/away', lazy: page(() => import('../features/talent/AwayPage'), 'AwayPage') },
      { path: 'reserves', lazy: page(() => import('../features/cadres/ReservesPage'), 'ReservesPage') },
      { path: 'assessment/schemes', lazy: page(() => import('../features/assessment/SchemesPage'), 'SchemesPage') },
      { path: 'assessment/periods', lazy: page(() => import('../features/assessment/PeriodsPage'), 'PeriodsPage') },
      { path: 'statistics', lazy: page(() => import('../features/statistics/StatisticsPage'), 'StatisticsPage') },
      { path: 'assessment/periods/:id', lazy: page(() => import('../features/assessment/PeriodPage'), 'PeriodPage') },
      { path: 'assessment/my-pay', lazy: page(() => import('../features/assessment/MyPayPage'), 'MyPayPage') },
      { path: 'talent', lazy: page(() => import('../features/talent/TalentPage'), 'TalentPage') },
      { path: 'economy', lazy: page(() => import('../features/economy/EconomyPage'), 'EconomyPage') },
      { path: 'showcases', lazy: page(() => import('../features/showcases/ShowcasesPage'), 'ShowcasesPage') },
      { path: 'news', lazy: page(() => import('../features/showcases/NewsPage'), 'NewsPage') },
      { path: 'education', lazy: page(() => import('../features/education/EducationPage'), 'EducationPage') },
      { path: 'education/sessions/new', lazy: page(() => import('../features/education/SessionNewPage'), 'SessionNewPage') },
      { path: 'education/sessions/:id', lazy: page(() => import('../features/education/SessionPage'), 'SessionPage') },
      { path: 'education/people/:personId', lazy: page(() => import('../features/education/PersonHoursPage'), 'PersonHoursPage') },
      { path: 'education/trips', lazy: page(() => import('../features/education/trips/TripsPage'), 'TripsPage') },
      { path: 'education/trips/:id', lazy: page(() => import('../features/education/trips/TripPage'), 'TripPage') },
      { path: 'education/venues', lazy: page(() => import('../features/education/venues/VenuesPage'), 'VenuesPage') },
      { path: 'dashboard', lazy: page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage') },
      { path: 'dashboard/benchmark', lazy: page(() => import('../features/benchmark/BenchmarkPage'), 'BenchmarkPage') },
      { path: 'district', lazy: page(() => import('../features/district/DistrictPage'), 'DistrictPage') },
      { path: 'district/towns/:tenantId', lazy: page(() => import('../features/district/DistrictTownPage'), 'DistrictTownPage') },
      { path: 'dashboard/villages/:orgId', lazy: page(() => import('../features/dashboard/VillageCardPage'), 'VillageCardPage') },
      { path: 'tasks', lazy: page(() => import('../features/tasks/TasksPage'), 'TasksPage') },
      { path: 'matters', lazy: page(() => import('../features/matters/MattersPage'), 'MattersPage') },
      { path: 'matters/:id', lazy: page(() => import('../features/matters/MatterPage'), 'MatterPage') },
      { path: 'compliance', lazy: page(() => import('../features/compliance/CompliancePage'), 'CompliancePage') },
      { path: 'activities', lazy: page(() => import('../features/activities/ActivityCalendarPage'), 'ActivityCalendarPage') },
      { path: 'activities/theme-day', lazy: page(() => import('../features/activities/ThemeDayPage'), 'ThemeDayPage') },
      { path: 'activities/:id', lazy: page(() => import('./ActivityRoute'), 'ActivityRoute') },
      { path: 'dues', lazy: page(() => import('../features/dues/DuesPage'), 'DuesPage') },
      { path: 'settings', lazy: page(() => import('../features/settings/SettingsPage'), 'SettingsPage') },
      { path: 'settings/checklists', lazy: page(() => import('../features/checklists/ChecklistTemplatesPage'), 'ChecklistTemplatesPage') },
      { path: 'settings/users', lazy: page(() => import('../features/users/UsersPage'), 'UsersPage') },
      { path: 'settings/outbox', lazy: page(() => import('../features/notifications/OutboxPage'), 'OutboxPage') },
      { path: 'supervision', lazy: page(() => import('../features/supervision/SupervisionPage'), 'SupervisionPage') },
      // 账号与安全 is one page since the second factor joined the password and devices there; old links still arrive.
      { path: 'account/security', element: <Navigate to="/account#two-factor" replace /> },
      { path: 'account', lazy: page(() => import('./AccountRoute'), 'AccountRoute') },
      { path: 'my', lazy: page(() => import('../features/my/MyActivitiesPage'), 'MyActivitiesPage') },
      { path: 'my/study', lazy: page(() => import('../features/education/MyStudyPage'), 'MyStudyPage') },
      { path: 'my/households', lazy: page(() => import('../features/households/MyHouseholdsPage'), 'MyHouseholdsPage') },
      { path: 'households', lazy: page(() => import('../features/households/HouseholdsPage'), 'HouseholdsPage') },
      { path: '*', lazy: page(() => import('./NotFoundPage'), 'NotFoundPage') },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
