import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AdminLanding } from '../features/admin/components/AdminLanding';
import { LoginPage } from '../features/auth/components/LoginPage';
import { loadPageTexts } from '../shared/i18n/i18n';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from './PageLoading';
import { RequireSession } from './RequireSession';
import { StaffRoot } from './StaffRoot';

/**
 * Every page but the login is its own chunk, fetched when first visited: the first page stays small (the
 * budget in apps/web/budget.json), and the calendar (FullCalendar), charts and the live room (Yjs) load on demand.
 */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => {
    // The pages' Danish texts are not on the first page either (locales/da-pages.ts).
    const [module] = await Promise.all([load(), loadPageTexts()]);
    return { default: module[name] };
  });
}

const AdminPage = page(() => import('../features/admin/components/AdminPage'), 'AdminPage');
const SetPasswordPage = page(() => import('../features/admin/components/SetPasswordPage'), 'SetPasswordPage');
const MySessionsPage = page(() => import('../features/auth/components/MySessionsPage'), 'MySessionsPage');
const CalendarPage = page(() => import('../features/calendar/components/CalendarPage'), 'CalendarPage');
const CaseListPage = page(() => import('../features/cases/components/CaseListPage'), 'CaseListPage');
const CasePage = page(() => import('../features/cases/components/CasePage'), 'CasePage');
const CaseSelectionPage = page(() => import('../features/cases/components/CaseSelectionPage'), 'CaseSelectionPage');
const PrintHealthPage = page(() => import('../features/cases/components/PrintHealthPage'), 'PrintHealthPage');
const PrintPlanPage = page(() => import('../features/cases/components/PrintPlanPage'), 'PrintPlanPage');
const CaseloadPage = page(() => import('../features/caseload/components/CaseloadPage'), 'CaseloadPage');
const QueuePage = page(() => import('../features/caseload/components/QueuePage'), 'QueuePage');
const GuestMeetingPage = page(() => import('../features/guests/components/GuestMeetingPage'), 'GuestMeetingPage');
const MeetingPage = page(() => import('../features/meetings/components/MeetingPage'), 'MeetingPage');
const MeetingPlannerPage = page(
  () => import('../features/meetings/components/MeetingPlannerPage'),
  'MeetingPlannerPage',
);
const InvitationMailPage = page(
  () => import('../features/invitations/components/InvitationMailPage'),
  'InvitationMailPage',
);
const InvitationOutboxPage = page(
  () => import('../features/invitations/components/InvitationOutboxPage'),
  'InvitationOutboxPage',
);
const OutcomesPage = page(() => import('../features/outcomes/components/OutcomesPage'), 'OutcomesPage');
const SettingsPage = page(() => import('../features/settings/components/SettingsPage'), 'SettingsPage');
const WorklistPage = page(() => import('../features/worklist/components/WorklistPage'), 'WorklistPage');

export const router = createBrowserRouter([
  // Guest links are public and never ask for a staff session.
  {
    path: '/m/:token',
    element: (
      <Suspense fallback={<PageLoading />}>
        <GuestMeetingPage />
      </Suspense>
    ),
  },
  // A one-time link from an administrator: public, so someone without a password can use it.
  {
    path: '/set-password/:token',
    element: (
      <Suspense fallback={<PageLoading />}>
        <SetPasswordPage />
      </Suspense>
    ),
  },
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
              { path: 'outbox', element: <InvitationOutboxPage /> },
              { path: 'outbox/:mailId', element: <InvitationMailPage /> },
              { path: 'outcomes', element: <OutcomesPage /> },
              { path: 'dashboard', element: <CaseloadPage /> },
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
