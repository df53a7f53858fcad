import type { Meeting } from '@tvaers/contracts';
import { useCallback, useEffect, useState } from 'react';
import { fetchMeetings } from '../../../api/meetings-api';
import type { TimeWindow } from '../../../api/meetings-api';
import { isAbortError } from '../../../api/http-client';

export interface MeetingsState {
  meetings: Meeting[];
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** The caller's meetings in a window (the calendar's visible range); refetches when it changes. */
export function useMeetings(range: TimeWindow | null): MeetingsState {
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const from = range?.from;
  const to = range?.to;

  useEffect(() => {
    if (!from || !to) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchMeetings({ from, to }, controller.signal).then(
      (items) => {
        setMeetings(items);
        setLoading(false);
      },
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setMeetings([]);
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [from, to, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { meetings, loading, error, reload };
}
