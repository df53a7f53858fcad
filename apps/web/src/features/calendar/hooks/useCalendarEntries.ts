import type { EventInput } from '@fullcalendar/react';
import type { Meeting } from '@tvaers/contracts';
import { useCallback, useMemo, useState } from 'react';
import type { TimeWindow } from '@web/api/meetings-api';
import { isNotFound } from '@web/shared/lib/errors';
import type { ColleagueState } from '../components/ColleaguePicker';
import { colleagueOnly, toBusyEvents, toCalendarEvents } from '../meeting-events';
import { useKnownColleagues } from './useKnownColleagues';
import { useBusy, useColleagueMeetings, useMeetings } from './useMeetings';

const noMeetings: Meeting[] = [];

/**
 * What the calendar shows in a window: the user's own meetings, and for each colleague chosen their meetings (those
 * not already the user's) and busy time; with how each colleague's calendar could be read.
 */
export function useCalendarEntries(range: TimeWindow | null, myId: string) {
  const { data: meetings = noMeetings, isFetching: loading, error, refetch } = useMeetings(range);
  const colleagues = useKnownColleagues(meetings, myId);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const chosenColleagues = useMemo(() => colleagues.filter((c) => chosen.has(c.staffId)), [colleagues, chosen]);
  const colleagueQueries = useColleagueMeetings(
    range,
    chosenColleagues.map((c) => c.staffId),
  );
  const { data: busyData, isFetching: busyLoading } = useBusy(
    range,
    chosenColleagues.map((c) => c.staffId),
  );
  const busy = useMemo(() => (chosenColleagues.length === 0 ? [] : (busyData ?? [])), [busyData, chosenColleagues]);
  const colleagueNames = useMemo(() => new Map(colleagues.map((c) => [c.staffId, c.name])), [colleagues]);

  const events = useMemo(() => {
    const all: EventInput[] = toCalendarEvents(meetings, undefined, myId);
    chosenColleagues.forEach((colleague, index) => {
      const theirs = colleagueQueries[index]?.data ?? noMeetings;
      all.push(...toCalendarEvents(colleagueOnly(meetings, theirs), colleague.name));
    });
    all.push(...toBusyEvents(busy, colleagueNames));
    return all;
  }, [meetings, chosenColleagues, colleagueQueries, busy, colleagueNames, myId]);

  const colleagueStates = useMemo(() => {
    const states = new Map<string, ColleagueState>();
    chosenColleagues.forEach((colleague, index) => {
      const failure = colleagueQueries[index]?.error;
      if (failure) states.set(colleague.staffId, isNotFound(failure) ? 'notVisible' : 'failed');
    });
    return states;
  }, [chosenColleagues, colleagueQueries]);
  const colleaguesLoading = busyLoading || colleagueQueries.some((query) => query.isFetching);

  const toggleColleague = useCallback((staffId: string, on: boolean) => {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(staffId);
      else next.delete(staffId);
      return next;
    });
  }, []);

  return {
    meetings,
    loading,
    error,
    refetch,
    events,
    busy,
    colleagues,
    chosen,
    chosenColleagues,
    colleagueStates,
    colleaguesLoading,
    toggleColleague,
  };
}
