import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795624780682 } from './1795624780682-InitialSchema';
import { SharedPlan1795625606305 } from './1795625606305-SharedPlan';
import { Exemptions1795625905314 } from './1795625905314-Exemptions';
import { LoginAttempts1795627303109 } from './1795627303109-LoginAttempts';
import { NeedToKnow1795910000000 } from './1795910000000-NeedToKnow';
import { AppendOnlyAudit1795950574290 } from './1795950574290-AppendOnlyAudit';
import { LoginThrottle1795950589378 } from './1795950589378-LoginThrottle';
import { GuestLinks1795963503252 } from './1795963503252-GuestLinks';
import { Availability1795963547275 } from './1795963547275-Availability';
import { MeetingNotes1795970000000 } from './1795970000000-MeetingNotes';
import { Invitations1796100000000 } from './1796100000000-Invitations';
import { MeetingOutcome1796200000000 } from './1796200000000-MeetingOutcome';
import { GuestCodes1796300000000 } from './1796300000000-GuestCodes';
import { MeetingAgenda1796350000000 } from './1796350000000-MeetingAgenda';
import { PasswordTokens1796500000000 } from './1796500000000-PasswordTokens';
import { CloseOutcome1796700000000 } from './1796700000000-CloseOutcome';
import { StableGuestLinks1796800000000 } from './1796800000000-StableGuestLinks';
import { Caseload1796400000000 } from './1796400000000-Caseload';
import { PasswordNotice1796850000000 } from './1796850000000-PasswordNotice';
import { SessionActivity1796910000000 } from './1796910000000-SessionActivity';
import { MeetingLife1796810000000 } from './1796810000000-MeetingLife';
import { NotesHistory1796820000000 } from './1796820000000-NotesHistory';
import { HealthStatementRead1796830000000 } from './1796830000000-HealthStatementRead';
import { CeilingHistory1796840000000 } from './1796840000000-CeilingHistory';
import { OidcLogin1796920000000 } from './1796920000000-OidcLogin';
import { Retention1796950000000 } from './1796950000000-Retention';
import { HotQueryIndexes1797000000000 } from './1797000000000-HotQueryIndexes';
import { VisibilityLoadIndexes1797100000000 } from './1797100000000-VisibilityLoadIndexes';
import { ListSortIndexes1797200000000 } from './1797200000000-ListSortIndexes';
import { ParticipantMeetingTime1797300000000 } from './1797300000000-ParticipantMeetingTime';

/** Every migration in order; listed explicitly (no globs) so the app, CLI and jest share one list. */
export const migrations: (new () => MigrationInterface)[] = [
  InitialSchema1795624780682,
  SharedPlan1795625606305,
  Exemptions1795625905314,
  LoginAttempts1795627303109,
  NeedToKnow1795910000000,
  AppendOnlyAudit1795950574290,
  LoginThrottle1795950589378,
  GuestLinks1795963503252,
  Availability1795963547275,
  MeetingNotes1795970000000,
  Invitations1796100000000,
  MeetingOutcome1796200000000,
  GuestCodes1796300000000,
  MeetingAgenda1796350000000,
  PasswordTokens1796500000000,
  CloseOutcome1796700000000,
  Caseload1796400000000,
  StableGuestLinks1796800000000,
  MeetingLife1796810000000,
  NotesHistory1796820000000,
  HealthStatementRead1796830000000,
  CeilingHistory1796840000000,
  PasswordNotice1796850000000,
  SessionActivity1796910000000,
  OidcLogin1796920000000,
  Retention1796950000000,
  HotQueryIndexes1797000000000,
  VisibilityLoadIndexes1797100000000,
  ListSortIndexes1797200000000,
  ParticipantMeetingTime1797300000000,
];
