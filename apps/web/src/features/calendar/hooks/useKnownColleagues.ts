import { compareDanish } from '@tvaers/domain';
import type { Meeting } from '@tvaers/contracts';
import { useMemo, useState } from 'react';
import type { Colleague } from '../components/ColleaguePicker';

const noMeetings: Meeting[] = [];

/**
 * Colleagues the user shares meetings with, collected from every window seen. The API has no list of
 * a team's members (GET /api/me gives only team ids), so this is the only source today.
 */
export function useKnownColleagues(meetings: readonly Meeting[], myId: string): Colleague[] {
  const [seen, setSeen] = useState<{ from: readonly Meeting[]; known: ReadonlyMap<string, string> }>({
    from: noMeetings,
    known: new Map(),
  });
  // Adjusting state while rendering (React's pattern for "state from the previous props"), not in an effect.
  if (seen.from !== meetings) {
    const known = new Map(seen.known);
    for (const p of meetings.flatMap((meeting) => meeting.participants)) {
      if (p.kind === 'staff' && p.staffId && p.staffId !== myId) known.set(p.staffId, p.name);
    }
    setSeen({ from: meetings, known });
  }
  return useMemo(
    () => [...seen.known].map(([staffId, name]) => ({ staffId, name })).sort((a, b) => compareDanish(a.name, b.name)),
    [seen.known],
  );
}
