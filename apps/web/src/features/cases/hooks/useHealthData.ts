import type { HealthStatement, OwnAssessment } from '@tvaers/contracts';
import { useHealthStatements } from './useHealthStatements';
import { useOwnAssessments } from './useOwnAssessments';

export interface HealthData {
  /** Both lists, once both have come. */
  records: { statements: HealthStatement[]; assessments: OwnAssessment[] } | undefined;
  /** The API left something out under the health rule (health staff; others under health_in_unit consent). */
  hidden: boolean;
  error: Error | null;
  refetch: () => void;
}

/** A case's health statements and own assessments together (one meeting's with `meetingId`), as every view shows them. */
export function useHealthData(caseId: string, meetingId?: string): HealthData {
  const statements = useHealthStatements(caseId, meetingId);
  const assessments = useOwnAssessments(caseId, meetingId);
  return {
    records:
      statements.data && assessments.data
        ? { statements: statements.data.items, assessments: assessments.data.items }
        : undefined,
    hidden: statements.data?.healthHidden === true || assessments.data?.healthHidden === true,
    error: statements.error ?? assessments.error,
    refetch: () => void Promise.all([statements.refetch(), assessments.refetch()]),
  };
}
