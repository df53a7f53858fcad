import type { Role } from '@tvaers/contracts';

/** Everything a caller may ask to do with a citizen's data; the access service decides each one. */
export enum Permission {
  CitizenCreate = 'citizen.create',
  CitizenSearch = 'citizen.search',
  CitizenRead = 'citizen.read',
  CitizenRevealCpr = 'citizen.reveal_cpr',
  ConsentRead = 'consent.read',
  ConsentWrite = 'consent.write',
  AccessLogRead = 'access_log.read',
  CaseCreate = 'case.create',
  CaseList = 'case.list',
  CaseRead = 'case.read',
  CaseUpdate = 'case.update',
  CaseMemberWrite = 'case.member.set',
  PlanRead = 'plan.read',
  PlanFollow = 'plan.follow',
  PlanHistoryRead = 'plan.history.read',
  PlanWrite = 'plan.update',
  EffortWrite = 'effort.update',
  IndicatorsRead = 'indicators.read',
  IndicatorsWrite = 'indicators.score',
  RequestsRead = 'request.list',
  RequestsWrite = 'request.write',
  ExemptionsRead = 'exemption.list',
  ExemptionsWrite = 'exemption.create',
  WorklistRead = 'worklist.read',
  MeetingList = 'meetings.list',
  MeetingRead = 'meeting.read',
  MeetingWrite = 'meeting.update',
  StaffCalendarRead = 'staff.calendar.read',
}

/** What a permission is asked about: its id names a citizen, a case, an effort of a case, a meeting or a colleague. */
export type TargetKind = 'none' | 'citizen' | 'intake' | 'case' | 'effort' | 'meeting' | 'staff';

export interface PermissionRule {
  target: TargetKind;
  /** read: the grant writes the access-log row; write: the change does, in its transaction; list: one row per citizen shown. */
  mode: 'read' | 'write' | 'list' | 'check';
  /** Access-log action and entity; null where nothing of a citizen is shown. */
  audit: { action: string; entity: string } | null;
  /** Staff roles that may ask at all (others: 403); content needs a working role, admins see none of it (404). */
  roles?: Role[];
}

const WORK: Role[] = ['caseworker', 'health', 'manager'];
const r = (target: TargetKind, action: string | null, entity: string, roles = WORK): PermissionRule => ({
  target,
  mode: 'read',
  audit: action ? { action, entity } : null,
  roles,
});
const w = (target: TargetKind, action: string, entity: string, roles = WORK): PermissionRule => ({
  target,
  mode: 'write',
  audit: { action, entity },
  roles,
});
const l = (action: string, entity: string): PermissionRule => ({
  target: 'none',
  mode: 'list',
  audit: { action, entity },
  roles: WORK,
});

/** The one table of rules; action names are those of the access log. */
export const RULES: Record<Permission, PermissionRule> = {
  [Permission.CitizenCreate]: w('none', 'citizen.create', 'citizen'),
  [Permission.CitizenSearch]: l('citizen.search', 'citizen'),
  [Permission.CitizenRead]: r('citizen', 'citizen.read', 'citizen'),
  [Permission.CitizenRevealCpr]: r('citizen', 'citizen.reveal_cpr', 'citizen'),
  [Permission.ConsentRead]: r('citizen', 'consent.read', 'consent'),
  [Permission.ConsentWrite]: w('citizen', 'consent.give', 'consent'),
  [Permission.AccessLogRead]: r('citizen', 'access_log.read', 'citizen', ['manager', 'admin']),
  [Permission.CaseCreate]: w('intake', 'case.create', 'case'),
  [Permission.CaseList]: l('case.list', 'case'),
  [Permission.CaseRead]: r('case', 'case.read', 'case'),
  [Permission.CaseUpdate]: w('case', 'case.update', 'case'),
  [Permission.CaseMemberWrite]: w('case', 'case.member.set', 'case'),
  [Permission.PlanRead]: r('case', 'plan.read', 'plan'),
  [Permission.PlanFollow]: { target: 'case', mode: 'check', audit: null, roles: WORK },
  [Permission.PlanHistoryRead]: r('case', 'plan.history.read', 'plan'),
  [Permission.PlanWrite]: w('case', 'plan.update', 'plan'),
  [Permission.EffortWrite]: w('effort', 'plan.update', 'plan'),
  [Permission.IndicatorsRead]: r('case', 'indicators.read', 'case'),
  [Permission.IndicatorsWrite]: w('case', 'indicators.score', 'case'),
  [Permission.RequestsRead]: r('case', 'request.list', 'case'),
  [Permission.RequestsWrite]: w('case', 'request.create', 'citizen_request'),
  [Permission.ExemptionsRead]: r('case', 'exemption.list', 'case'),
  [Permission.ExemptionsWrite]: w('case', 'exemption.create', 'exemption'),
  [Permission.WorklistRead]: l('worklist.read', 'case'),
  [Permission.MeetingList]: l('meetings.list', 'meeting'),
  [Permission.MeetingRead]: r('meeting', 'meeting.read', 'meeting'),
  [Permission.MeetingWrite]: w('meeting', 'meeting.update', 'meeting'),
  [Permission.StaffCalendarRead]: { target: 'staff', mode: 'check', audit: null, roles: WORK },
};
