import { HealthStatementList, OwnAssessmentList } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

/**
 * The doctors' health statements of a case, newest first (`meetingId`: those given for that meeting).
 * Health data: `healthHidden` says some were left out because the user may not see them. Read by the
 * case's responsible person, a statement leaves their worklist.
 */
export function fetchHealthStatements(
  caseId: string,
  meetingId: string | undefined,
  signal?: AbortSignal,
): Promise<HealthStatementList> {
  return unwrap(
    api.GET('/api/cases/{id}/health-statements', {
      params: { path: { id: caseId }, query: { meetingId } },
      signal,
    }),
    HealthStatementList,
  );
}

/** The citizen's own health assessments of a case, newest first (`meetingId`: those given for that meeting). */
export function fetchOwnAssessments(
  caseId: string,
  meetingId: string | undefined,
  signal?: AbortSignal,
): Promise<OwnAssessmentList> {
  return unwrap(
    api.GET('/api/cases/{id}/own-assessments', { params: { path: { id: caseId }, query: { meetingId } }, signal }),
    OwnAssessmentList,
  );
}
