import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { isAbortError } from '../../api/http-client';

export interface Resource<T> {
  /** The last answer; kept while a reload runs, so the page does not flash. */
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Show data the caller already has (e.g. the answer of a save) without asking again. */
  replace: (data: T) => void;
}

export interface ResourceOptions<T> {
  /** Whether a fetched answer may replace what is shown; e.g. never go back to an older plan version. */
  accept?: (current: T, next: T) => boolean;
}

/**
 * Loads data for `key` (null: nothing to load yet) and loads again when the key changes or on reload().
 * The request of a superseded key is aborted.
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: ResourceOptions<T> = {},
): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(key !== null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const fetchData = useEffectEvent((signal: AbortSignal) => load(signal));
  const acceptRule = useEffectEvent(() => options.accept);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const accept = acceptRule();
    setLoading(true);
    fetchData(controller.signal).then(
      (next) => {
        setData((current) => (current === undefined || !accept || accept(current, next) ? next : current));
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((next: T) => {
    setData(next);
    setError(null);
  }, []);
  return { data, loading, error, reload, replace };
}
