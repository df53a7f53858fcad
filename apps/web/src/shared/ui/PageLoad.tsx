import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle';
import { isNotFound } from '../lib/errors';
import { type Load, LoadProgress } from './QueryLoad';

interface PageLoadProps<T> {
  /** The page's one query. */
  load: Load<T>;
  /** The heading (and tab title) while it loads or when it failed. */
  title: string;
  /** The tab title once loaded. */
  loadedTitle: (data: T) => string;
  /** The tab title, and what the page says, when there is no such thing (or the user may not see it: 404). */
  notFoundTitle: string;
  notFound: ReactNode;
  loading: string;
  /** What the load failed to do, where the failure has no wording of its own. */
  failed: string;
  children: (data: T) => ReactNode;
}

/**
 * A page that shows one thing: the thing once loaded; "not found" for a 404; otherwise its heading with progress,
 * or the failure and "Prøv igen".
 */
export function PageLoad<T>({
  load,
  title,
  loadedTitle,
  notFoundTitle,
  notFound,
  loading,
  failed,
  children,
}: PageLoadProps<T>) {
  const { data } = load;
  const missing = data === undefined && isNotFound(load.error);
  usePageTitle(data !== undefined ? loadedTitle(data) : missing ? notFoundTitle : title);
  if (data !== undefined) return children(data);
  if (missing) return notFound;
  return (
    <>
      <h1>{title}</h1>
      <LoadProgress load={load} loading={loading} failed={failed} />
    </>
  );
}
