import type { Me } from '@tvaers/contracts';
import { useSession } from './useSession';

/** The signed-in staff member, for pages inside the app shell (which renders only with a session). */
export function useCurrentUser(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser must be used on signed-in pages');
  return state.user;
}
