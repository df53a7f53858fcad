import type { HealthStatement, OwnAssessment } from '@tvaers/contracts';
import type { HealthStatementEntity } from './health-statement.entity';
import type { OwnAssessmentEntity } from './own-assessment.entity';

export function toHealthStatement(s: HealthStatementEntity): HealthStatement {
  return {
    id: s.id,
    caseId: s.caseId,
    meetingId: s.meetingId,
    doctorName: s.doctorName,
    workCapacity: s.workCapacity,
    assessment: s.assessment,
    recommendations: s.recommendations,
    restrictions: s.restrictions,
    createdAt: s.createdAt.toISOString(),
  };
}

export function toOwnAssessment(a: OwnAssessmentEntity): OwnAssessment {
  return {
    id: a.id,
    caseId: a.caseId,
    meetingId: a.meetingId,
    text: a.text,
    wellbeing: a.wellbeing,
    createdAt: a.createdAt.toISOString(),
  };
}
