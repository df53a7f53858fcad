import type { AccessLog } from '@tvaers/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosure } from '@web/shared/hooks/useDisclosure';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { todayInCopenhagen } from '@web/shared/lib/format';
import { SelectField } from '@web/shared/ui/SelectField';
import { LoadError } from '@web/shared/ui/StatusMessage';
import { ListLoad } from '@web/shared/ui/QueryLoad';
import { useGuestAccessLog } from '../hooks/useGuestAccessLog';

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

type Look = 'all' | 'saw' | 'changed';

/** Rows of one person on one day, in the order they came (newest first). */
interface Group {
  key: string;
  day: string;
  actor: Entry['actor'];
  entries: Entry[];
}

const actorKey = (actor: Entry['actor']) => `${actor.kind}:${actor.id ?? actor.name}`;

/** Consecutive days and people as the log lists them: each day's people in the order of their newest row. */
function groupByDayAndActor(entries: Entry[]): Group[] {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const day = todayInCopenhagen(new Date(entry.at));
    const key = `${day}|${actorKey(entry.actor)}`;
    const group = groups.get(key);
    if (group) group.entries.push(entry);
    else groups.set(key, { key, day, actor: entry.actor, entries: [entry] });
  }
  return [...groups.values()];
}

/**
 * "Hvem har set mine oplysninger": the citizen's own access log, newest first, 100 at a time, grouped by day
 * and person ("I dag · Mette Hansen (medarbejder i kommunen) · 12 handlinger", opened to see each), with a
 * filter by what was done and by person over what is loaded.
 */
export function GuestAccessLog({ token }: { token: string }) {
  const { t } = useTranslation();
  const [look, setLook] = useState<Look>('all');
  const [person, setPerson] = useState('');
  const log = useGuestAccessLog(token);
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);
  const people = useMemo(() => {
    const seen = new Map<string, Entry['actor']>();
    for (const e of entries) if (!seen.has(actorKey(e.actor))) seen.set(actorKey(e.actor), e.actor);
    return [...seen];
  }, [entries]);
  const groups = useMemo(
    () =>
      groupByDayAndActor(
        entries.filter(
          (e) =>
            (look === 'all' || describe(e.action).saw === (look === 'saw')) &&
            (person === '' || actorKey(e.actor) === person),
        ),
      ),
    [entries, look, person],
  );
  return (
    <section className="card" aria-labelledby="guest-log-title" data-testid="guest-access-log">
      <h2 id="guest-log-title">{t('guest.log.title')}</h2>
      <ListLoad
        load={log}
        items={log.data && entries}
        loading={t('guest.log.loading')}
        failed={t('guest.log.failed')}
        empty={t('guest.log.none')}
      >
        {() => (
          <>
            <div className="guest-log__filters">
              <SelectField<Look>
                label={t('guest.log.filter')}
                value={look}
                testId="guest-log-filter-look"
                options={[
                  { value: 'all', label: t('guest.log.filterAll') },
                  { value: 'saw', label: t('guest.log.filterSaw') },
                  { value: 'changed', label: t('guest.log.filterChanged') },
                ]}
                onChange={setLook}
              />
              <SelectField
                label={t('guest.log.filterPerson')}
                value={person}
                testId="guest-log-filter-person"
                options={[
                  { value: '', label: t('guest.log.filterEveryone') },
                  ...people.map(([key, actor]) => ({ value: key, label: actor.name })),
                ]}
                onChange={setPerson}
              />
            </div>
            <p className="hint" data-testid="guest-log-count" aria-live="polite">
              {t('guest.log.shown', { count: entries.length })}
            </p>
            {groups.length === 0 ? (
              <p>{t('guest.log.filteredNone')}</p>
            ) : (
              <ul className="guest-log" data-testid="guest-log-groups">
                {groups.map((group) => (
                  <LogGroup key={group.key} group={group} />
                ))}
              </ul>
            )}
          </>
        )}
      </ListLoad>
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

/** One person's rows of one day: a heading with a button that shows them. */
function LogGroup({ group }: { group: Group }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { open, button, panel } = useDisclosure();
  const today = todayInCopenhagen();
  const yesterday = todayInCopenhagen(new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000));
  const day =
    group.day === today
      ? t('guest.log.today')
      : group.day === yesterday
        ? t('guest.log.yesterday')
        : format.date(group.day);
  return (
    <li className="guest-log__group" data-testid="guest-log-group">
      <h3 className="guest-log__heading">
        <button type="button" className="guest-log__toggle" {...button}>
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {t('guest.log.group', {
            day,
            who: group.actor.name,
            kind: t(`guest.log.kinds.${group.actor.kind}`),
            count: group.entries.length,
          })}
        </button>
      </h3>
      <ul {...panel} className="guest-log__entries" data-testid="guest-log-entries">
        {open && group.entries.map((entry, i) => <LogEntry key={i} entry={entry} />)}
      </ul>
    </li>
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
