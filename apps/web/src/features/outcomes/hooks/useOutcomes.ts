import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchOutcomes } from '@web/api/outcomes-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** A team's outcome figures; without a team, the manager's first (the answer names the teams to choose from). */
export function useOutcomes(teamId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.outcomes(teamId ?? '', from, to),
    queryFn: ({ signal }) => fetchOutcomes({ teamId, from, to }, signal),
    placeholderData: keepPreviousData,
  });
}
