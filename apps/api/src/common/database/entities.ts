import { AuditEntryEntity } from '../../audit/audit-entry.entity';
import { LoginThrottleEntity } from '../../auth/login-throttle.entity';
import { SessionEntity } from '../../auth/session.entity';
import { CaseMemberEntity } from '../../cases/case-member.entity';
import { CaseEntity } from '../../cases/case.entity';
import { ConsentEntity } from '../../citizens/consent.entity';
import { CitizenRequestEntity } from '../../plans/citizen-request.entity';
import { EffortEntity } from '../../plans/effort.entity';
import { ExemptionEntity } from '../../plans/exemption.entity';
import { IndicatorScoreEntity } from '../../plans/indicator-score.entity';
import { PlanVersionEntity } from '../../plans/plan-version.entity';
import { PlanEntity } from '../../plans/plan.entity';
import { CitizenEntity } from '../../citizens/citizen.entity';
import { MeetingParticipantEntity } from '../../meetings/meeting-participant.entity';
import { MeetingProposalEntity } from '../../meetings/meeting-proposal.entity';
import { MeetingEntity } from '../../meetings/meeting.entity';
import { StaffEntity } from '../../people/staff.entity';
import { TeamEntity } from '../../people/team.entity';

/** Every entity, listed explicitly so the app, the CLI and the tests share one schema. */
export const entities = [
  TeamEntity,
  StaffEntity,
  SessionEntity,
  LoginThrottleEntity,
  CitizenEntity,
  CaseEntity,
  CaseMemberEntity,
  ConsentEntity,
  PlanEntity,
  PlanVersionEntity,
  EffortEntity,
  IndicatorScoreEntity,
  CitizenRequestEntity,
  ExemptionEntity,
  MeetingEntity,
  MeetingProposalEntity,
  MeetingParticipantEntity,
  AuditEntryEntity,
];
