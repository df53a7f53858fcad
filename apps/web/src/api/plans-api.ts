import { Effort, Plan, PlanHistory } from '@tvaers/contracts';
import type { CreateEffort, PlanVersion, RecordReview, UpdateEffort, UpdatePlan } from '@tvaers/contracts';
import { request } from './http-client';

const planPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/plan`;

/** The case's shared plan. Its `version` is the ETag the API sends, used again as If-Match when saving. */
export function fetchPlan(caseId: string, signal?: AbortSignal): Promise<Plan> {
  return request(planPath(caseId), Plan, { signal });
}

/**
 * Saves goals and contact plan on top of the version the user saw (optimistic locking).
 * A plan changed meanwhile rejects with an ApiError 412 `PLAN_VERSION_CONFLICT`.
 */
export function updatePlan(caseId: string, version: number, update: UpdatePlan): Promise<Plan> {
  return request(planPath(caseId), Plan, { method: 'PUT', body: update, headers: { 'If-Match': `"${version}"` } });
}

/** Records the yearly follow-up (with a work-capacity assessment it renews the clarification guarantee). */
export function recordPlanReview(caseId: string, input: RecordReview): Promise<Plan> {
  return request(`${planPath(caseId)}/review`, Plan, { method: 'POST', body: input });
}

/**
 * Adds an effort; its discipline must be the one its type belongs to (`effortTypes`). A health effort
 * from someone who may not see health data rejects with an ApiError 403 `HEALTH_CONSENT_REQUIRED`.
 */
export function createEffort(caseId: string, input: CreateEffort): Promise<Effort> {
  return request(`${planPath(caseId)}/efforts`, Effort, { method: 'POST', body: input });
}

export function updateEffort(caseId: string, effortId: string, input: UpdateEffort): Promise<Effort> {
  return request(`${planPath(caseId)}/efforts/${encodeURIComponent(effortId)}`, Effort, {
    method: 'PATCH',
    body: input,
  });
}

/** Versions of the plan, newest first, each with its field-level changes. */
export async function fetchPlanHistory(caseId: string, signal?: AbortSignal): Promise<PlanVersion[]> {
  const { items } = await request(`${planPath(caseId)}/history`, PlanHistory, { signal });
  return items;
}
