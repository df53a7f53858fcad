import {
  keepPreviousData,
  type QueryKey,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { AssignCase, MoveCases, SetCeiling } from '@tvaers/contracts';
import {
  assignCase,
  fetchAssignmentSuggestions,
  fetchCaseload,
  fetchCaseloadFigures,
  fetchMoveSuggestions,
  moveCases,
  setCeiling,
} from '@web/api/caseload-api';
import { type CasePageQuery, fetchAllCases } from '@web/api/cases-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useCaseload(teamId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.caseload(teamId ?? ''),
    queryFn: ({ signal }) => fetchCaseload(teamId ?? '', signal),
    enabled: teamId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The names of the manager's teams for the team picker: each team's caseload names its team (a few teams at most). */
export function useTeamNames(teamIds: readonly string[]): { id: string; name: string }[] {
  return useQueries({
    queries: teamIds.map((teamId) => ({
      queryKey: queryKeys.caseload(teamId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchCaseload(teamId, signal),
    })),
    combine: (results) =>
      results.flatMap((result, index) => (result.data ? [{ id: teamIds[index], name: result.data.team.name }] : [])),
  });
}

export function useCaseloadFigures(teamId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.caseloadFigures(teamId ?? ''),
    queryFn: ({ signal }) => fetchCaseloadFigures(teamId ?? '', signal),
    enabled: teamId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useSetCeiling(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ staffId, body }: { staffId: string; body: SetCeiling }) => setCeiling(staffId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.caseload(teamId) }),
  });
}

export function useAssignmentSuggestions(caseId: string) {
  return useQuery({
    queryKey: queryKeys.assignmentSuggestions(caseId),
    queryFn: ({ signal }) => fetchAssignmentSuggestions(caseId, signal),
  });
}

/** After cases changed hands: the suggestions `stale` names are dropped; the team's loads and case lists refetched. */
function useCasesMoved(teamId: string) {
  const queryClient = useQueryClient();
  return async (stale: QueryKey) => {
    queryClient.removeQueries({ queryKey: stale });
    await queryClient.invalidateQueries({ queryKey: queryKeys.caseload(teamId) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.allCases });
  };
}

export function useAssignCase(teamId: string) {
  const moved = useCasesMoved(teamId);
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: AssignCase }) => assignCase(caseId, body),
    onSuccess: (_case, { caseId }) => moved(queryKeys.assignmentSuggestions(caseId)),
  });
}

/** A person's active cases in the team, oldest first: the dashboard's list to move cases from. */
export function usePersonCases(teamId: string, staffId: string) {
  const query: CasePageQuery = { teamId, responsibleId: staffId, status: 'active', sort: 'opened', order: 'asc' };
  return useQuery({
    queryKey: queryKeys.cases({ ...query, scope: 'person' }),
    queryFn: ({ signal }) => fetchAllCases(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMoveSuggestions(caseIds: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.moveSuggestions(caseIds),
    queryFn: ({ signal }) => fetchMoveSuggestions(caseIds, signal),
  });
}

/** Moves cases to a colleague; the team's loads, case lists and suggestions are fetched again. */
export function useMoveCases(teamId: string) {
  const moved = useCasesMoved(teamId);
  return useMutation({
    mutationFn: (body: MoveCases) => moveCases(body),
    onSuccess: () => moved(queryKeys.allAssignmentSuggestions),
  });
}
