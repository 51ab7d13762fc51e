import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ActivityCalendarPage } from '../features/activities/ActivityCalendarPage';
import { ActivityPage } from '../features/activities/ActivityPage';
import { ThemeDayPage } from '../features/activities/ThemeDayPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { CompliancePage } from '../features/compliance/CompliancePage';
import { ChecklistTemplatesPage } from '../features/checklists/ChecklistTemplatesPage';
import { OutboxPage } from '../features/notifications/OutboxPage';
import { MyActivitiesPage } from '../features/my/MyActivitiesPage';
import { SupervisionPage } from '../features/supervision/SupervisionPage';
import { DuesPage } from '../features/dues/DuesPage';
import { MembersPage } from '../features/members/MembersPage';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RecruitmentBoardPage } from '../features/recruitment/RecruitmentBoardPage';
import { RecruitmentListPage } from '../features/recruitment/RecruitmentListPage';
import { RecruitmentPage } from '../features/recruitment/RecruitmentPage';
import { RecruitmentPlanPage } from '../features/recruitment/RecruitmentPlanPage';
import { MentoringPage } from '../features/recruitment/MentoringPage';
import { DisclosuresPage } from '../features/disclosure/DisclosuresPage';
import { DisclosurePage } from '../features/disclosure/DisclosurePage';
import { PositionsPage } from '../features/positions/PositionsPage';
import { ServiceCenterPage } from '../features/positions/ServiceCenterPage';
import { FourTwoPage } from '../features/positions/FourTwoPage';
import { InspectionsPage } from '../features/inspection/InspectionsPage';
import { InspectionRoundPage } from '../features/inspection/InspectionRoundPage';
import { InspectorVillagePage } from '../features/inspection/InspectorVillagePage';
import { RectificationPage } from '../features/inspection/RectificationPage';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/organizations" replace /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      // One route for the roster and a member's detail, so the page (and its list) stays mounted while the drawer opens.
      { path: 'members/:memberId?', element: <MembersPage /> },
      { path: 'recruitment', element: <RecruitmentBoardPage /> },
      { path: 'recruitment/recruitments', element: <RecruitmentListPage /> },
      { path: 'recruitment/recruitments/:id', element: <RecruitmentPage /> },
      { path: 'recruitment/plans', element: <RecruitmentPlanPage /> },
      { path: 'recruitment/mentoring', element: <MentoringPage /> },
      { path: 'disclosures', element: <DisclosuresPage /> },
      { path: 'disclosures/:id', element: <DisclosurePage /> },
      { path: 'positions', element: <PositionsPage /> },
      { path: 'positions/service-centers/:id', element: <ServiceCenterPage /> },
      { path: 'positions/four-two/:id', element: <FourTwoPage /> },
      { path: 'inspections', element: <InspectionsPage /> },
      { path: 'inspections/:id', element: <InspectionRoundPage /> },
      { path: 'inspections/:id/villages/:orgId', element: <InspectorVillagePage /> },
      { path: 'rectifications/:id', element: <RectificationPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'compliance', element: <CompliancePage /> },
      { path: 'activities', element: <ActivityCalendarPage /> },
      { path: 'activities/theme-day', element: <ThemeDayPage /> },
      { path: 'activities/:id', element: <ActivityPage /> },
      { path: 'dues', element: <DuesPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'settings/checklists', element: <ChecklistTemplatesPage /> },
      { path: 'settings/outbox', element: <OutboxPage /> },
      { path: 'supervision', element: <SupervisionPage /> },
      { path: 'my', element: <MyActivitiesPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
