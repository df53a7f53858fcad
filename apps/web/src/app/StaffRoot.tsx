import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { SessionProvider } from '../features/auth/components/SessionProvider';
import { useSession } from '../features/auth/hooks/useSession';
import { SocketProvider } from '../shared/realtime/SocketProvider';
import { useSocket } from '../shared/realtime/useSocket';

/** A deactivated person's open page hears it before its socket closes, and the login page says why. */
function SessionEndListener() {
  const socket = useSocket();
  const { endedByServer } = useSession();
  useEffect(() => {
    if (!socket) return;
    const onEnded = ({ reason }: { reason: 'access-ended' }) => endedByServer(reason);
    socket.on('session:ended', onEnded);
    return () => {
      socket.off('session:ended', onEnded);
    };
  }, [socket, endedByServer]);
  return null;
}

function RealtimeForSession() {
  const { state } = useSession();
  return (
    <SocketProvider enabled={state.status === 'signedIn'}>
      <SessionEndListener />
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
