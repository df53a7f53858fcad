// Compile-time fixture (typecheck runs it, nothing imports it): a route or method missing from
// docs/openapi.json must not compile. If one of these lines stops being an error, typecheck fails.
import { api } from './http-client';

export function callsOutsideTheContract(): void {
  // @ts-expect-error efforts come with the plan: there is no GET of the effort list.
  void api.GET('/api/cases/{id}/plan/efforts', { params: { path: { id: 'x' } } });
  // @ts-expect-error the plan is replaced with PUT; there is no DELETE.
  void api.DELETE('/api/cases/{id}/plan', { params: { path: { id: 'x' } } });
}
