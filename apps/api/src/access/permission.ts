import type { ParticipantKind, Role } from '@tvaers/contracts';

/** Everything a caller may ask to do with a citizen's data; the access service decides each one. */
export enum Permission {
  CitizenCreate = 'citizen.create',
  CitizenSearch = 'citizen.search',
  CitizenRead = 'citizen.read',
  CitizenRevealCpr = 'citizen.reveal_cpr',
  /** Everything held on a citizen (GDPR art. 15): managers of a team with their case; one access-log row. */
  CitizenExport = 'citizen.export',
  ConsentRead = 'consent.read',
  ConsentWrite = 'consent.write',
  AccessLogRead = 'access_log.read',
  CaseCreate = 'case.create',
  CaseList = 'case.list',
  CaseRead = 'case.read',
  CaseUpdate = 'case.update',
  CaseMemberWrite = 'case.member.set',
  CaseMemberRemove = 'case.member.remove',
  /** The case team's colleagues, to name as owner or invite (staff names only, nothing of the citizen's). */
  CaseColleaguesRead = 'case.colleagues.read',
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
  /** Whether the caller manages a meeting (canManage): staff who may read its case. Shows nothing. */
  MeetingManage = 'meeting.manage',
  /** A staff participant answering their own invitation (any team: participation is enough). */
  MeetingRespond = 'meeting.respond',
  StaffCalendarRead = 'staff.calendar.read',
  MeetingLinkWrite = 'meeting.link',
  HealthStatementsRead = 'health_statement.list',
  OwnAssessmentsRead = 'own_assessment.list',
  // A guest link's holder (one participant of one meeting), by its participant kind (`guests`); staff are never
  // granted these, and no guest is granted a staff permission.
  GuestRead = 'guest.read',
  GuestRespond = 'guest.respond',
  GuestChoose = 'guest.choose',
  GuestHealthStatementWrite = 'guest.health_statement',
  GuestOwnAssessmentWrite = 'guest.own_assessment',
  GuestAccessLogRead = 'guest.access_log',
  MeetingCreate = 'meeting.create',
  CaseMeetingList = 'case.meetings.list',
  // A meeting's shared notes: staff who may read the meeting.
  MeetingNotesRead = 'meeting.notes.read',
  MeetingNotesWrite = 'meeting.notes.update',
  // The same notes through a guest link: the doctor and the citizen; other guests only where shared with them.
  GuestNotesRead = 'guest.notes.read',
  GuestNotesWrite = 'guest.notes.update',
  /** Putting the notes back to an earlier version of their history: staff who may read the meeting. */
  MeetingNotesRestore = 'meeting.notes.restore',
  /** Marking a meeting held with its summary and decisions. */
  MeetingOutcomeWrite = 'meeting.outcome',
  /** Doctors' participation in held meetings, for fee settlement: caseworkers and managers. */
  DoctorParticipationList = 'meetings.doctor_participation',
  // Staff administration: administrators only (others 403); no citizen's data, audited with no citizen.
  AdminStaffRead = 'admin.staff.read',
  AdminStaffWrite = 'admin.staff.write',
  AdminTeamWrite = 'admin.team.write',
  /** A team's outcome figures (progress, closures, contact kept): managers of the team; one log row per citizen counted. */
  OutcomesRead = 'outcomes.read',
  // Caseload: a manager's view of their own teams.
  /** A team's loads, ceilings and figures: its managers (other roles 403, other teams 404). */
  CaseloadRead = 'caseload.read',
  /** The citizens waiting in a team's intake queue, shown to its managers (one access-log row each). */
  CaseloadQueueList = 'caseload.queue.list',
  CaseloadOverridesList = 'caseload.overrides.list',
  /** A team's target group and default ceiling: its managers. */
  CaseloadTeamWrite = 'caseload.team.set',
  /** A colleague's own ceiling: managers of one of their teams. */
  CaseloadCeilingWrite = 'caseload.ceiling.set',
  /** Giving a case (queued or not) to a responsible person. */
  CaseAssign = 'case.assign',
  CaseAssignmentsRead = 'case.assignments.read',
  CaseAssignmentSuggestions = 'case.assignment_suggestions',
  /** Moving cases between colleagues from the dashboard: a manager of the case's team; logged as an assignment. */
  CaseMove = 'case.move',
  /** Whether a manager may move this case (a move's first pass; who has room for it): shows nothing of the citizen. */
  CaseMoveCheck = 'case.move.check',
  /** The unit's default case weights per benefit: managers (any team; the setting is unit-wide). */
  CaseloadBenefitWeightsRead = 'caseload.benefit_weights.read',
  CaseloadBenefitWeightsWrite = 'caseload.benefit_weights.set',
}

/**
 * What a permission is asked about: its id names a citizen, a case, an effort of a case, a meeting or a colleague.
 * `meeting`: a meeting of a case the staff member may read, or one they take part in (a guest: its own meeting);
 * `meeting-case`: a meeting of a case the staff member may read (taking part from another team is not enough).
 */
export type TargetKind =
  'none' | 'citizen' | 'intake' | 'case' | 'effort' | 'meeting' | 'meeting-case' | 'staff' | 'team';

/** The kinds of guest a link's holder can be: the participant kind of its meeting participant. */
export type GuestKind = Exclude<ParticipantKind, 'staff'>;

export interface PermissionRule {
  target: TargetKind;
  /** read: the grant writes the access-log row; write: the change does, in its transaction; list: one row per citizen shown. */
  mode: 'read' | 'write' | 'list' | 'check';
  /** Access-log action and entity; null where nothing of a citizen is shown. */
  audit: { action: string; entity: string } | null;
  /** Staff roles that may ask at all (others: 403); content needs a working role, admins see none of it (404). */
  roles?: Role[];
  /** Other staff roles get a 403 with this reason instead of a 404 (routes whose existence is no secret). */
  refuse?: string;
  /** Guest permissions only: the guest kinds that hold it (staff permissions have none: a guest gets 404). */
  guests?: GuestKind[];
  /** Other guest kinds get a 403 with this reason (else 404). */
  guestRefuse?: string;
  /** Other guest kinds hold it too where the meeting's organiser shares it with them (AccessService.sharedWithGuest). */
  sharable?: boolean;
  /**
   * Through a link whose URL was shown to a staff member ("copied"), this is granted only if that staff member's
   * own session would be: `access-log` (AccessLogRead's roles).
   */
  copyLimit?: 'access-log';
  /** A setting that names no citizen (like administration): changed through AccessService.adminChange. */
  noCitizen?: boolean;
}

/** Roles that work with citizens' cases; an administrator alone sees none of their content. */
export const WORKING_ROLES: Role[] = ['caseworker', 'health', 'manager'];
const WORK = WORKING_ROLES;
function rule(mode: PermissionRule['mode'], target: TargetKind, audit: PermissionRule['audit'], roles = WORK) {
  return { target, mode, audit, roles };
}
const read = (target: TargetKind, action: string, entity: string, roles?: Role[]) =>
  rule('read', target, { action, entity }, roles);
const write = (target: TargetKind, action: string, entity: string, roles?: Role[]) =>
  rule('write', target, { action, entity }, roles);
/** Only guests, of these kinds: no staff role qualifies. */
const guest = <R extends PermissionRule>(
  r: R,
  guests: GuestKind[],
  extra: Partial<PermissionRule> = {},
): PermissionRule => ({
  ...r,
  roles: [],
  guests,
  ...extra,
});
const ALL_GUESTS: GuestKind[] = ['doctor', 'citizen', 'guest'];
const list = (action: string, entity: string) => rule('list', 'none', { action, entity });
const check = (target: TargetKind) => rule('check', target, null);

const ONLY_DOCTOR = 'Only the doctor of the meeting can do this.';
const ONLY_CITIZEN = 'Only the citizen can do this.';

/** Managers only: other staff roles get 403 with this reason. */
const managers = (r: PermissionRule, refuse: string): PermissionRule => ({ ...r, roles: ['manager'], refuse });
const ONLY_MANAGER_MOVES = 'Only a manager moves cases between colleagues.';

const ADMIN: Role[] = ['admin'];
/** Administration: the actor's own tool, nothing of a citizen; other roles get 403. */
const admin = (mode: 'check' | 'write', entity: string, action: string) => ({
  ...rule(mode, 'none', mode === 'write' ? { action, entity } : null, ADMIN),
  refuse: 'Only administrators manage staff and teams.',
});

/** The one table of rules; action names are those of the access log. */
export const RULES: Record<Permission, PermissionRule> = {
  [Permission.CitizenCreate]: {
    ...write('none', 'citizen.create', 'citizen'),
    refuse: 'Administrators do not register citizens.',
  },
  [Permission.CitizenSearch]: list('citizen.search', 'citizen'),
  [Permission.CitizenRead]: read('citizen', 'citizen.read', 'citizen'),
  [Permission.CitizenRevealCpr]: read('citizen', 'citizen.reveal_cpr', 'citizen'),
  [Permission.CitizenExport]: managers(
    read('citizen', 'citizen.export', 'citizen'),
    'Only managers export a citizen’s data.',
  ),
  [Permission.ConsentRead]: read('citizen', 'consent.read', 'consent'),
  [Permission.ConsentWrite]: write('citizen', 'consent.give', 'consent'),
  [Permission.AccessLogRead]: {
    ...read('citizen', 'access_log.read', 'citizen', ['manager', 'admin']),
    refuse: 'Only managers and administrators read access logs.',
  },
  [Permission.CaseCreate]: write('intake', 'case.create', 'case'),
  [Permission.CaseList]: list('case.list', 'case'),
  [Permission.CaseRead]: read('case', 'case.read', 'case'),
  [Permission.CaseUpdate]: write('case', 'case.update', 'case'),
  [Permission.CaseMemberWrite]: write('case', 'case.member.set', 'case'),
  [Permission.CaseMemberRemove]: write('case', 'case.member.remove', 'case'),
  [Permission.CaseColleaguesRead]: check('case'),
  [Permission.PlanRead]: read('case', 'plan.read', 'plan'),
  [Permission.PlanFollow]: check('case'),
  [Permission.PlanHistoryRead]: read('case', 'plan.history.read', 'plan'),
  [Permission.PlanWrite]: write('case', 'plan.update', 'plan'),
  [Permission.EffortWrite]: write('effort', 'plan.update', 'plan'),
  [Permission.IndicatorsRead]: read('case', 'indicators.read', 'case'),
  [Permission.IndicatorsWrite]: write('case', 'indicators.score', 'case'),
  [Permission.RequestsRead]: read('case', 'request.list', 'case'),
  [Permission.RequestsWrite]: write('case', 'request.create', 'citizen_request'),
  [Permission.ExemptionsRead]: read('case', 'exemption.list', 'case'),
  [Permission.ExemptionsWrite]: write('case', 'exemption.create', 'exemption'),
  [Permission.WorklistRead]: list('worklist.read', 'case'),
  [Permission.MeetingList]: list('meetings.list', 'meeting'),
  [Permission.MeetingRead]: read('meeting', 'meeting.read', 'meeting'),
  [Permission.MeetingWrite]: write('meeting-case', 'meeting.update', 'meeting'),
  [Permission.MeetingManage]: check('meeting-case'),
  [Permission.MeetingRespond]: write('meeting', 'meeting.respond', 'meeting_participant'),
  [Permission.StaffCalendarRead]: check('staff'),
  [Permission.MeetingLinkWrite]: write('meeting-case', 'meeting.link.issue', 'meeting_participant'),
  [Permission.HealthStatementsRead]: read('case', 'health_statement.list', 'health_statement'),
  [Permission.OwnAssessmentsRead]: read('case', 'own_assessment.list', 'own_assessment'),
  [Permission.GuestRead]: guest(read('meeting', 'meeting.read', 'meeting'), ALL_GUESTS),
  [Permission.GuestRespond]: guest(write('meeting', 'meeting.respond', 'meeting_participant'), ALL_GUESTS),
  [Permission.GuestChoose]: guest(write('meeting', 'meeting.choose', 'meeting'), ['doctor'], {
    guestRefuse: ONLY_DOCTOR,
  }),
  [Permission.GuestHealthStatementWrite]: guest(
    write('meeting', 'health_statement.create', 'health_statement'),
    ['doctor'],
    { guestRefuse: ONLY_DOCTOR },
  ),
  [Permission.GuestOwnAssessmentWrite]: guest(
    write('meeting', 'own_assessment.create', 'own_assessment'),
    ['citizen'],
    {
      guestRefuse: ONLY_CITIZEN,
    },
  ),
  [Permission.GuestAccessLogRead]: guest(read('meeting', 'access_log.read', 'citizen'), ['citizen'], {
    guestRefuse: ONLY_CITIZEN,
    copyLimit: 'access-log',
  }),
  // Notes not shared with another guest do not exist for them (404), as for anyone outside the meeting.
  [Permission.GuestNotesRead]: guest(read('meeting', 'meeting.notes.read', 'meeting_notes'), ['doctor', 'citizen'], {
    sharable: true,
  }),
  [Permission.GuestNotesWrite]: guest(
    write('meeting', 'meeting.notes.update', 'meeting_notes'),
    ['doctor', 'citizen'],
    {
      sharable: true,
    },
  ),
  [Permission.MeetingCreate]: write('case', 'meeting.create', 'meeting'),
  [Permission.CaseMeetingList]: read('case', 'meetings.list', 'meeting'),
  [Permission.MeetingNotesRead]: read('meeting', 'meeting.notes.read', 'meeting_notes'),
  [Permission.MeetingNotesWrite]: write('meeting', 'meeting.notes.update', 'meeting_notes'),
  [Permission.MeetingNotesRestore]: write('meeting', 'meeting.notes.restore', 'meeting_notes'),
  [Permission.MeetingOutcomeWrite]: write('meeting', 'meeting.held', 'meeting'),
  [Permission.DoctorParticipationList]: {
    ...rule('list', 'none', { action: 'meetings.doctor_participation', entity: 'meeting' }, ['caseworker', 'manager']),
    // A file export: a role that may not make it is told so, not handed an empty file.
    refuse: 'Only caseworkers and managers export doctors’ participation.',
  },
  [Permission.AdminStaffRead]: admin('check', 'staff', 'staff.list'),
  [Permission.AdminStaffWrite]: admin('write', 'staff', 'staff.update'),
  [Permission.AdminTeamWrite]: admin('write', 'team', 'team.create'),
  [Permission.OutcomesRead]: rule('list', 'none', { action: 'outcomes.read', entity: 'case' }, ['manager']),
  [Permission.CaseloadRead]: managers(check('team'), 'Only managers see a team’s caseload.'),
  [Permission.CaseloadTeamWrite]: managers(check('team'), 'Only a manager sets a team’s caseload ceiling.'),
  [Permission.CaseloadQueueList]: { ...list('caseload.queue.list', 'case'), roles: ['manager'] },
  [Permission.CaseloadOverridesList]: { ...list('caseload.overrides.list', 'case'), roles: ['manager'] },
  [Permission.CaseloadCeilingWrite]: managers(check('staff'), 'Only a manager sets caseload ceilings.'),
  [Permission.CaseAssign]: write('case', 'case.assign', 'case', ['caseworker', 'manager']),
  [Permission.CaseAssignmentsRead]: read('case', 'case.assignments.read', 'case'),
  [Permission.CaseAssignmentSuggestions]: check('case'),
  [Permission.CaseMove]: managers(write('case', 'case.assign', 'case'), ONLY_MANAGER_MOVES),
  [Permission.CaseMoveCheck]: managers(check('case'), ONLY_MANAGER_MOVES),
  [Permission.CaseloadBenefitWeightsRead]: managers(check('none'), 'Only managers see the benefit weights.'),
  [Permission.CaseloadBenefitWeightsWrite]: {
    ...managers(
      write('none', 'caseload.benefit_weights.set', 'benefit_weight'),
      'Only managers set the benefit weights.',
    ),
    noCitizen: true,
  },
};

/** The notes permission for whoever asks: staff hold the staff one, a link's holder the guest one. */
export const notesPermission = (actor: { kind: 'staff' | 'guest' }, mode: 'read' | 'write'): Permission =>
  actor.kind === 'staff'
    ? mode === 'read'
      ? Permission.MeetingNotesRead
      : Permission.MeetingNotesWrite
    : mode === 'read'
      ? Permission.GuestNotesRead
      : Permission.GuestNotesWrite;
