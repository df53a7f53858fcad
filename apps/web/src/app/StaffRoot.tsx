import { Outlet } from 'react-router';
import { SessionProvider } from '../features/auth/components/SessionProvider';
import { useSession } from '../features/auth/hooks/useSession';
import { SocketProvider } from '../shared/realtime/SocketProvider';

function RealtimeForSession() {
  const { state } = useSession();
  return (
    <SocketProvider enabled={state.status === 'signedIn'}>
      <Outlet />
    </SocketProvider>
  );
}

/** Everything staff use: the session (GET /api/me on load) and, once signed in, the live connection. */
export function StaffRoot() {
  return (
    <SessionProvider>
      <RealtimeForSession />
    </SessionProvider>
  );
}
