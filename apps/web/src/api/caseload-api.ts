import {
  AssignmentSuggestionList,
  BenefitWeightList,
  Case,
  Caseload,
  CaseloadFigures,
  CaseloadRow,
  MovedCases,
} from '@tvaers/contracts';
import type { AssignCase, AssignmentSuggestion, MoveCases, SetBenefitWeights, SetCeiling } from '@tvaers/contracts';
import { api, unwrap, unwrapItems } from './http-client';

/** A team's people against their ceilings, its intake queue and the overrides of 90 days; its managers only. */
export function fetchCaseload(teamId: string, signal?: AbortSignal): Promise<Caseload> {
  return unwrap(api.GET('/api/caseload', { params: { query: { teamId } }, signal }), Caseload);
}

/** Days over ceiling, continuity and the capacity forecast of a team. */
export function fetchCaseloadFigures(teamId: string, signal?: AbortSignal): Promise<CaseloadFigures> {
  return unwrap(api.GET('/api/caseload/figures', { params: { query: { teamId } }, signal }), CaseloadFigures);
}

/** A person's own ceiling (null: the team's default applies); a manager of their team only. */
export function setCeiling(staffId: string, body: SetCeiling): Promise<CaseloadRow> {
  return unwrap(api.PUT('/api/caseload/ceilings/{staffId}', { params: { path: { staffId } }, body }), CaseloadRow);
}

/** Who could take a case: same discipline, knows the citizen, lowest utilisation first. */
export function fetchAssignmentSuggestions(caseId: string, signal?: AbortSignal): Promise<AssignmentSuggestion[]> {
  return unwrapItems(
    api.GET('/api/cases/{id}/assignment-suggestions', { params: { path: { id: caseId } }, signal }),
    AssignmentSuggestionList,
  );
}

/** Gives a case to a responsible person; past the ceiling a 409 unless a manager overrides with a reason. */
export function assignCase(caseId: string, body: AssignCase): Promise<Case> {
  return unwrap(api.POST('/api/cases/{id}/assign', { params: { path: { id: caseId } }, body }), Case);
}

/** Who has room for these cases (of one team) together: same discipline, knows a citizen, lowest utilisation first. */
export function fetchMoveSuggestions(
  caseIds: readonly string[],
  signal?: AbortSignal,
): Promise<AssignmentSuggestion[]> {
  return unwrapItems(
    api.GET('/api/caseload/move-suggestions', { params: { query: { caseIds: caseIds.join(',') } }, signal }),
    AssignmentSuggestionList,
  );
}

/** Moves cases to a colleague, all or none; past the ceiling (their summed weight) only with a manager's override. */
export function moveCases(body: MoveCases): Promise<Case[]> {
  return unwrapItems(api.POST('/api/caseload/moves', { body }), MovedCases);
}

/** Every benefit with the weight a new case of it gets (1 where none is set); managers only. */
export function fetchBenefitWeights(signal?: AbortSignal): Promise<BenefitWeightList> {
  return unwrap(api.GET('/api/caseload/benefit-weights', { signal }), BenefitWeightList);
}

/** Sets the listed benefits' weights for new cases; answers every benefit's. */
export function setBenefitWeights(body: SetBenefitWeights): Promise<BenefitWeightList> {
  return unwrap(api.PUT('/api/caseload/benefit-weights', { body }), BenefitWeightList);
}
