import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AdminLanding } from '../features/admin/components/AdminLanding';
import { AdminPage } from '../features/admin/components/AdminPage';
import { SetPasswordPage } from '../features/admin/components/SetPasswordPage';
import { LoginPage } from '../features/auth/components/LoginPage';
import { CaseListPage } from '../features/cases/components/CaseListPage';
import { CasePage } from '../features/cases/components/CasePage';
import { CaseSelectionPage } from '../features/cases/components/CaseSelectionPage';
import { PrintHealthPage } from '../features/cases/components/PrintHealthPage';
import { PrintPlanPage } from '../features/cases/components/PrintPlanPage';
import { DashboardPage } from '../features/dashboard/components/DashboardPage';
import { QueuePage } from '../features/dashboard/components/QueuePage';
import { GuestMeetingPage } from '../features/guest/components/GuestMeetingPage';
import { MeetingPage } from '../features/meetings/components/MeetingPage';
import { MeetingPlannerPage } from '../features/meetings/components/MeetingPlannerPage';
import { OutboxMailPage } from '../features/outbox/components/OutboxMailPage';
import { OutboxPage } from '../features/outbox/components/OutboxPage';
import { OutcomesPage } from '../features/outcomes/components/OutcomesPage';
import { SettingsPage } from '../features/settings/components/SettingsPage';
import { MySessionsPage } from '../features/auth/components/MySessionsPage';
import { WorklistPage } from '../features/worklist/components/WorklistPage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';
import { StaffRoot } from './StaffRoot';

// FullCalendar is most of the bundle: login and guest pages load without it.
const CalendarPage = lazy(async () => ({
  default: (await import('../features/calendar/components/CalendarPage')).CalendarPage,
}));

export const router = createBrowserRouter([
  // Guest links are public and never ask for a staff session.
  { path: '/m/:token', element: <GuestMeetingPage /> },
  // A one-time link from an administrator: public, so someone without a password can use it.
  { path: '/set-password/:token', element: <SetPasswordPage /> },
  {
    element: <StaffRoot />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppShell />,
            children: [
              {
                index: true,
                element: (
                  <AdminLanding>
                    <CalendarPage />
                  </AdminLanding>
                ),
              },
              { path: 'admin', element: <AdminPage /> },
              { path: 'cases', element: <CaseListPage /> },
              { path: 'cases/selection', element: <CaseSelectionPage /> },
              { path: 'cases/:caseId', element: <CasePage /> },
              { path: 'cases/:caseId/print', element: <PrintPlanPage /> },
              { path: 'cases/:caseId/health/print', element: <PrintHealthPage /> },
              { path: 'cases/:caseId/meetings/new', element: <MeetingPlannerPage /> },
              { path: 'worklist', element: <WorklistPage /> },
              { path: 'meetings/:meetingId', element: <MeetingPage /> },
              { path: 'outbox', element: <OutboxPage /> },
              { path: 'outbox/:mailId', element: <OutboxMailPage /> },
              { path: 'outcomes', element: <OutcomesPage /> },
              { path: 'dashboard', element: <DashboardPage /> },
              { path: 'queue', element: <QueuePage /> },
              { path: 'settings', element: <SettingsPage /> },
              { path: 'sessions', element: <MySessionsPage /> },
            ],
          },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
