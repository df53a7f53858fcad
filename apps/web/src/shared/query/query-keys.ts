import type { WorklistFilter } from '@web/api/worklist-api';

/**
 * Every server-state key in one place, so a write knows what it changes. Plan history sits under
 * its plan: invalidating ['plan', caseId] fetches both again.
 */
export const queryKeys = {
  me: ['me'] as const,
  /** How staff log in here (single sign-on, passwords). */
  authConfig: ['auth-config'] as const,
  mySessions: ['me', 'sessions'] as const,
  /** Every case list (the prefix a change to any case invalidates). */
  allCases: ['cases'] as const,
  /** A bounded case list fetched whole (a person's own active cases). */
  cases: (filter: object) => ['cases', filter] as const,
  /** A case list shown page by page ("Vis flere"). */
  casePages: (filter: object) => ['cases', 'pages', filter] as const,
  case: (caseId: string) => ['case', caseId] as const,
  /** The cases behind a figure, by id. */
  casesByIds: (ids: readonly string[]) => ['cases', 'ids', ids] as const,
  outcomes: (teamId: string, from: string, to: string) => ['outcomes', teamId, from, to] as const,
  /** A team's caseload (rows, queue, overrides); `caseload:updated` writes its rows. Figures sit under it. */
  caseload: (teamId: string) => ['caseload', teamId] as const,
  caseloadFigures: (teamId: string) => ['caseload', teamId, 'figures'] as const,
  /** Every suggestion of who could take cases (one case's or a move's): a move makes them all stale. */
  allAssignmentSuggestions: ['assignment-suggestions'] as const,
  assignmentSuggestions: (caseId: string) => ['assignment-suggestions', caseId] as const,
  /** Who has room for several cases together (the dashboard's move). */
  moveSuggestions: (caseIds: readonly string[]) => ['assignment-suggestions', 'move', [...caseIds].sort()] as const,
  plan: (caseId: string) => ['plan', caseId] as const,
  planHistory: (caseId: string, version: number | undefined) => ['plan', caseId, 'history', version] as const,
  indicators: (caseId: string) => ['indicators', caseId] as const,
  requests: (caseId: string) => ['requests', caseId] as const,
  /** What guests gave (health data): all of a case's (`…Of`, also the prefix of each meeting's), or one meeting's. */
  healthStatementsOf: (caseId: string) => ['health-statements', caseId] as const,
  healthStatements: (caseId: string, meetingId?: string) => ['health-statements', caseId, meetingId ?? 'all'] as const,
  ownAssessmentsOf: (caseId: string) => ['own-assessments', caseId] as const,
  ownAssessments: (caseId: string, meetingId?: string) => ['own-assessments', caseId, meetingId ?? 'all'] as const,
  /** The case team's colleagues who can be named owner or invited. */
  caseColleagues: (caseId: string) => ['case-colleagues', caseId] as const,
  consents: (citizenId: string) => ['consents', citizenId] as const,
  /** Every worklist, whatever its filter: the prefix of `worklist`. */
  worklists: ['worklist'] as const,
  /** The worklist's pages; a person's whole list (`all`) is a key of its own, fetched in larger pages. */
  worklist: (filter: WorklistFilter, all = false) =>
    ['worklist', filter.scope, filter.includeOk, filter.responsible ?? '', all ? 'all' : 'pages'] as const,
  /** Every meeting list (calendar windows, a case's meetings): the prefix a changed meeting invalidates. */
  allMeetings: ['meetings'] as const,
  /** A calendar window: the caller's own (`staffId` absent) or a colleague's. */
  meetings: (from: string | undefined, to: string | undefined, staffId?: string) =>
    ['meetings', from, to, staffId ?? 'me'] as const,
  meeting: (meetingId: string) => ['meeting', meetingId] as const,
  /** A meeting's notes as text, and their earlier versions under them. */
  meetingNotes: (meetingId: string) => ['meeting', meetingId, 'notes'] as const,
  meetingNotesHistory: (meetingId: string) => ['meeting', meetingId, 'notes', 'history'] as const,
  caseMeetings: (caseId: string) => ['meetings', 'case', caseId] as const,
  /** Every colleague's busy times, whatever the window. */
  allBusy: ['busy'] as const,
  busy: (staffIds: string[], from: string | undefined, to: string | undefined) => ['busy', staffIds, from, to] as const,
  outbox: ['outbox'] as const,
  /** A guest link's page; its access log sits under it. */
  guestView: (token: string) => ['guest', token] as const,
  guestAccessLog: (token: string) => ['guest', token, 'access-log'] as const,
  guestNotes: (token: string) => ['guest', token, 'notes'] as const,
  adminStaff: ['admin', 'staff'] as const,
  adminTeams: ['admin', 'teams'] as const,
  availability: (staffIds: string[], from: string, durationMinutes: number) =>
    ['availability', staffIds, from, durationMinutes] as const,
  /** The unit's default case weight per benefit. */
  benefitWeights: ['benefit-weights'] as const,
};
