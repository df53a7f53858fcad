import { useState } from 'react';
import { todayInCopenhagen } from '../lib/format';

/** Today's date in Copenhagen (`YYYY-MM-DD`), fixed for the component's life. */
export function useToday(): string {
  const [today] = useState(() => todayInCopenhagen());
  return today;
}
