import { Effort, Plan, PlanHistory } from '@tvaers/contracts';
import type { CreateEffort, PlanVersion, RecordReview, UpdateEffort, UpdatePlan } from '@tvaers/contracts';
import { api, unwrap, unwrapItems } from './http-client';

const onCase = (caseId: string) => ({ path: { id: caseId } });

/** The case's shared plan. Its `version` is the ETag the API sends, used again as If-Match when saving. */
export function fetchPlan(caseId: string, signal?: AbortSignal): Promise<Plan> {
  return unwrap(api.GET('/api/cases/{id}/plan', { params: onCase(caseId), signal }), Plan);
}

/**
 * Saves goals and contact plan on top of the version the user saw (optimistic locking).
 * A plan changed meanwhile rejects with an ApiError 412 `PLAN_VERSION_CONFLICT`.
 */
export function updatePlan(caseId: string, version: number, update: UpdatePlan): Promise<Plan> {
  return unwrap(
    api.PUT('/api/cases/{id}/plan', {
      params: { ...onCase(caseId), header: { 'If-Match': `"${version}"` } },
      body: update,
    }),
    Plan,
  );
}

/** Records the yearly follow-up (with a work-capacity assessment it renews the clarification guarantee). */
export function recordPlanReview(caseId: string, input: RecordReview): Promise<Plan> {
  return unwrap(api.POST('/api/cases/{id}/plan/review', { params: onCase(caseId), body: input }), Plan);
}

/**
 * Adds an effort; its discipline must be the one its type belongs to (`effortTypes`). A health effort
 * from someone who may not see health data rejects with an ApiError 403 `HEALTH_CONSENT_REQUIRED`.
 */
export function createEffort(caseId: string, input: CreateEffort): Promise<Effort> {
  return unwrap(api.POST('/api/cases/{id}/plan/efforts', { params: onCase(caseId), body: input }), Effort);
}

export function updateEffort(caseId: string, effortId: string, input: UpdateEffort): Promise<Effort> {
  return unwrap(
    api.PATCH('/api/cases/{id}/plan/efforts/{effortId}', {
      params: { path: { id: caseId, effortId } },
      body: input,
    }),
    Effort,
  );
}

/** Versions of the plan, newest first, each with its field-level changes. */
export function fetchPlanHistory(caseId: string, signal?: AbortSignal): Promise<PlanVersion[]> {
  return unwrapItems(api.GET('/api/cases/{id}/plan/history', { params: onCase(caseId), signal }), PlanHistory);
}
