import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '@web/features/auth/hooks/useSession';

/** An administrator without a working role has no cases or meetings: their start page is `/admin`. */
export function AdminLanding({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const roles = state.status === 'signedIn' ? state.user.roles : [];
  const adminOnly = roles.includes('admin') && !roles.some((r) => r !== 'admin');
  return adminOnly ? <Navigate to="/admin" replace /> : children;
}
