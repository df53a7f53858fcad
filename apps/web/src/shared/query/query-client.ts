import { QueryClient } from '@tanstack/react-query';

/**
 * Server state for the whole app. No automatic retries or refetch on focus: a failed load shows its
 * error with "Prøv igen" at once, and a page changes only by the user's action or a live event.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
