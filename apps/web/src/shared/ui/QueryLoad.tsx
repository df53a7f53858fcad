import type { ReactNode } from 'react';
import { LoadError, LoadingStatus } from './StatusMessage';

/** What a query gives a view (a TanStack query result fits). */
export interface Load<T> {
  data: T | undefined;
  error: unknown;
  refetch: () => unknown;
}

/** A load still running ("Henter …"), or its failure with "Prøv igen". */
export function LoadProgress({ load, loading, failed }: { load: Load<unknown>; loading: string; failed: string }) {
  return load.error === null ? (
    <LoadingStatus>{loading}</LoadingStatus>
  ) : (
    <LoadError error={load.error} fallback={failed} onRetry={() => void load.refetch()} />
  );
}

/** The loaded data, shown by `children`; until then its progress or failure (`LoadProgress`). */
export function QueryLoad<T>({
  load,
  loading,
  failed,
  children,
}: {
  load: Load<T>;
  loading: string;
  failed: string;
  children: (data: T) => ReactNode;
}) {
  if (load.data === undefined) return <LoadProgress load={load} loading={loading} failed={failed} />;
  return children(load.data);
}

/** A loaded list, shown by `children`; a line saying so (`empty`) when it has none; until then `LoadProgress`. */
export function ListLoad<T>({
  load,
  items,
  loading,
  failed,
  empty,
  children,
}: {
  load: Load<unknown>;
  /** The list the load gives, undefined until it has come. */
  items: readonly T[] | undefined;
  loading: string;
  failed: string;
  empty: string;
  children: (items: readonly T[]) => ReactNode;
}) {
  if (items === undefined) return <LoadProgress load={load} loading={loading} failed={failed} />;
  if (items.length === 0) return <p>{empty}</p>;
  return children(items);
}
