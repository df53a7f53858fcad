import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';

/**
 * A write whose answer is not the data it changes (deadlines, trends and plan versions are the
 * server's): once it succeeds, what is under `queryKey` is fetched again.
 */
export function useRefetchAfterWrite<TInput, TResult>(queryKey: QueryKey, write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => void queryClient.invalidateQueries({ queryKey }) });
}
