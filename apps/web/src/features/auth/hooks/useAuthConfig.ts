import { useQuery } from '@tanstack/react-query';
import { fetchAuthConfig } from '@web/api/auth-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** Where the municipality's single sign-on starts (a page the browser goes to, not a call). */
export { SSO_LOGIN_PATH } from '@web/api/auth-api';

/** How staff log in here (single sign-on, passwords). */
export function useAuthConfig() {
  return useQuery({ queryKey: queryKeys.authConfig, queryFn: ({ signal }) => fetchAuthConfig(signal) });
}
