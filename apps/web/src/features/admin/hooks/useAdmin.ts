import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateStaffAccount, CreateTeam, SetPasswordRequest, UpdateStaffAccount } from '@tvaers/contracts';
import {
  createAdminTeam,
  createStaffAccount,
  fetchAdminTeams,
  fetchStaffAccounts,
  issuePasswordLink,
  setPassword,
  updateStaffAccount,
} from '@web/api/admin-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useStaffAccounts() {
  return useQuery({ queryKey: queryKeys.adminStaff, queryFn: ({ signal }) => fetchStaffAccounts(signal) });
}

export function useAdminTeams() {
  return useQuery({ queryKey: queryKeys.adminTeams, queryFn: ({ signal }) => fetchAdminTeams(signal) });
}

/** A change of people changes the teams' member counts too: both lists are fetched again. */
function useAdminWrite<TInput, TResult>(write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminStaff });
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminTeams });
    },
  });
}

export const useCreateStaff = () => useAdminWrite((input: CreateStaffAccount) => createStaffAccount(input));
export const useUpdateStaff = () =>
  useAdminWrite(({ id, input }: { id: string; input: UpdateStaffAccount }) => updateStaffAccount(id, input));
export const useCreateTeam = () => useAdminWrite((input: CreateTeam) => createAdminTeam(input));
/** Changes nothing that is listed: no refetch. */
export const usePasswordLink = () => useMutation({ mutationFn: (id: string) => issuePasswordLink(id) });
/** Sets a password by a one-time link (public, no session); nothing cached changes. */
export const useSetPassword = () => useMutation({ mutationFn: (input: SetPasswordRequest) => setPassword(input) });
