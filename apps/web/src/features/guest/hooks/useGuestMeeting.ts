import { useCallback, useEffect, useState } from 'react';
import { fetchGuestMeeting } from '../../../api/guest-api';
import type { GuestMeetingView } from '../../../api/guest-api';
import { ApiError, isAbortError } from '../../../api/http-client';

export type GuestMeetingState =
  | { status: 'loading' }
  | { status: 'ready'; view: GuestMeetingView }
  /** Unknown, revoked or expired link: the API answers 404 and says nothing more. */
  | { status: 'invalid' }
  | { status: 'failed' };

export function useGuestMeeting(token: string | undefined): { state: GuestMeetingState; retry: () => void } {
  const [state, setState] = useState<GuestMeetingState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) {
      setState({ status: 'invalid' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchGuestMeeting(token, controller.signal).then(
      (view) => setState({ status: 'ready', view }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        const invalid = error instanceof ApiError && (error.status === 404 || error.status === 410);
        setState({ status: invalid ? 'invalid' : 'failed' });
      },
    );
    return () => controller.abort();
  }, [token, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
