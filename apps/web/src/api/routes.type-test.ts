// Compile-time fixture (typecheck runs it, nothing imports it): a route or method missing from
// docs/openapi.json must not compile. If one of these lines stops being an error, typecheck fails.
import { api } from './http-client';

export function callsOutsideTheContract(): void {
  // @ts-expect-error GET /api/guest/{token} has no server side.
  void api.GET('/api/guest/{token}', { params: { path: { token: 'x' } } });
  // @ts-expect-error the plan is replaced with PUT; there is no DELETE.
  void api.DELETE('/api/cases/{id}/plan', { params: { path: { id: 'x' } } });
}
