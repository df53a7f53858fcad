import { useInfiniteQuery } from '@tanstack/react-query';
import type { AccessLog } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { fetchGuestAccessLog } from '@web/api/guest-api';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { queryKeys } from '@web/shared/query/query-keys';
import { LoadError, LoadingStatus } from '@web/shared/ui/StatusMessage';

type Entry = AccessLog['items'][number];

/** What an audit action touched, in the citizen's words; the action's last part says whether it was a look. */
const things = {
  citizen: 'citizen',
  'citizen.reveal_cpr': 'cpr',
  case: 'case',
  consent: 'consent',
  plan: 'plan',
  'plan.history': 'plan',
  indicators: 'indicators',
  meeting: 'meeting',
  'meeting.notes': 'notes',
  health_statement: 'healthStatement',
  own_assessment: 'ownAssessment',
  access_log: 'accessLog',
} as const;
const looks = new Set(['read', 'list', 'search', 'reveal_cpr']);

function describe(action: string): { saw: boolean; thing: (typeof things)[keyof typeof things] | 'data' } {
  const parts = action.split('.');
  const verb = parts[parts.length - 1];
  const thing =
    (things as Record<string, (typeof things)[keyof typeof things]>)[action] ??
    (things as Record<string, (typeof things)[keyof typeof things]>)[parts.slice(0, -1).join('.')] ??
    'data';
  return { saw: looks.has(verb), thing };
}

/** "Hvem har set mine oplysninger": the citizen's own access log, newest first, 100 at a time. */
export function GuestAccessLog({ token }: { token: string }) {
  const { t } = useTranslation();
  const log = useInfiniteQuery({
    queryKey: queryKeys.guestAccessLog(token),
    queryFn: ({ pageParam, signal }) => fetchGuestAccessLog(token, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby="guest-log-title" data-testid="guest-access-log">
      <h2 id="guest-log-title">{t('guest.log.title')}</h2>
      {log.data === undefined ? (
        log.error === null ? (
          <LoadingStatus>{t('guest.log.loading')}</LoadingStatus>
        ) : (
          <LoadError error={log.error} fallback={t('guest.log.failed')} onRetry={() => void log.refetch()} />
        )
      ) : entries.length === 0 ? (
        <p>{t('guest.log.none')}</p>
      ) : (
        <>
          <p className="hint" data-testid="guest-log-count">
            {t('guest.log.shown', { count: entries.length })}
          </p>
          <ul className="guest-log" data-testid="guest-log-entries">
            {entries.map((entry, i) => (
              <LogEntry key={i} entry={entry} />
            ))}
          </ul>
        </>
      )}
      {log.error !== null && log.data !== undefined && (
        <LoadError error={log.error} fallback={t('guest.log.failed')} onRetry={() => void log.fetchNextPage()} />
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? t('guest.log.loadingMore') : t('guest.log.more')}
        </button>
      )}
    </section>
  );
}

function LogEntry({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { saw, thing } = describe(entry.action);
  const what = t(`guest.log.things.${thing}`);
  return (
    <li>
      <span className="guest-log__when">{format.dateTime(entry.at)}</span>{' '}
      {saw
        ? t('guest.log.saw', { who: entry.actor.name, what })
        : t('guest.log.changed', { who: entry.actor.name, what })}
      {entry.purpose && <> {t('guest.log.purpose', { purpose: entry.purpose })}</>}
    </li>
  );
}
