import http from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import {
  type AssignCase,
  AssignmentSuggestionList,
  CaseAssignmentList,
  CaseColleagueList,
  Caseload,
  CaseloadFigures,
  CaseloadRow,
  BenefitWeightList,
  type SetBenefitWeights,
  type SetCeiling,
  type SetTeamCaseload,
  TeamCaseloadSettings,
  Absence,
  AccessLog,
  AuthConfig,
  Availability,
  type AvailabilityQuery,
  Busy,
  type BusyQuery,
  type CreateAbsence,
  type CreateMeeting,
  type SetWorkingHours,
  type UpdateMeeting,
  type RecordOutcome,
  WorkingHours,
  type AccessLogQuery,
  Case,
  CaseList,
  CaseQuery,
  MovedCases,
  type MoveCases,
  Citizen,
  CitizenExport,
  CitizenList,
  CitizenRequest,
  CitizenRequestList,
  type CitizenSearch,
  Consent,
  ConsentList,
  type ConsentScope,
  type CreateCase,
  type CreateCitizen,
  type CreateCitizenRequest,
  type CreateEffort,
  type CreateExemption,
  type DecideCitizenRequest,
  Effort,
  Exemption,
  GuestLink,
  ExemptionList,
  Health,
  OutcomeQuery,
  Outcomes,
  Indicators,
  type LoginRequest,
  LoginResponse,
  Me,
  Meeting,
  MeetingList,
  type MeetingListQuery,
  Plan,
  PlanHistory,
  Problem,
  RecordReview,
  RevealedCpr,
  StaffSessionList,
  type RevealCpr,
  type ScoreIndicators,
  type SetCaseMember,
  type SetConsent,
  type UpdateCase,
  type UpdateEffort,
  type UpdatePlan,
  Worklist,
  WorklistQuery,
} from '@tvaers/contracts';
import {
  AdminTeam,
  AdminTeamList,
  CreateStaffAccount,
  type CreateTeam,
  PasswordLink,
  type SetPasswordRequest,
  StaffAccount,
  StaffAccountList,
  type UpdateStaffAccount,
} from '@tvaers/contracts';
import {
  type ChooseTime,
  type CreateHealthStatement,
  type CreateOwnAssessment,
  type DoctorParticipationQuery,
  GuestCodeSent,
  GuestMeeting,
  GuestSelf,
  GuestView,
  HealthStatement,
  HealthStatementList,
  type HealthDataQuery,
  MeetingNotes,
  NotesHistory,
  type NotesSharing,
  OutboxMailList,
  OwnAssessment,
  OwnAssessmentList,
  type RespondToMeeting,
  type RestoreNotes,
  type VerifyGuestCode,
} from '@tvaers/contracts';
import type { paths } from '@tvaers/web/src/api/schema';
import createClient from 'openapi-fetch';
import type { z } from 'zod';
import type { TestApp } from './app';

/** A failed call: the status and the problem document the API answered with. */
export class ApiProblem extends Error {
  readonly code: string | undefined;
  /** The paths of `errors[]`, sorted. */
  readonly paths: string[];
  constructor(
    readonly status: number,
    readonly problem: Problem,
    what: string,
  ) {
    super(`${what}: ${status} ${JSON.stringify(problem)}`);
    this.code = problem.code;
    this.paths = (problem.errors ?? []).map((e) => e.path).sort();
  }
}

/** A response as it came: `body` is the parsed JSON, or the text of anything else. */
export interface WireResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Bytes as text, a leading BOM kept (a CSV's is part of what a test checks; `Response.text()` drops it). */
const decode = (bytes: ArrayBuffer | Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The body's text: JSON parsed, anything else as it is. */
const parsed = (text: string, headers: Headers): unknown =>
  text && /json/.test(headers.get('content-type') ?? '') ? JSON.parse(text) : text;

/**
 * A request no contract route describes: malformed bytes, an unknown path, a web page, the OpenAPI document, or
 * a header fetch will not send (Host). Sent as given (node:http adds no header and follows no redirect).
 * Everything else goes through `apiClient` (its calls, or `wire` to look at the exchange). Never throws.
 */
export function offContract(
  t: Pick<TestApp, 'url'>,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, t.url), { method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of ([] as string[]).concat(value ?? [])) headers.append(name, v);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: parsed(decode(Buffer.concat(chunks)), headers) });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The response's problem document; throws when it is not one. */
function problemOf(res: WireResponse, what: string): Problem {
  if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) {
    throw new Error(`${what}: ${res.status} without a problem document`);
  }
  return Problem.parse(res.body);
}

/** Asserts a refusal on the wire: this status, a problem document saying the same status and, if given, this code. */
export function expectProblem(res: WireResponse, status: number, code?: string): Problem {
  expect(res.status).toBe(status);
  const problem = problemOf(res, `a ${status} answer`);
  expect(problem.status).toBe(status);
  if (code) expect(problem.code).toBe(code);
  return problem;
}

/** The problem a call failed with; fails the test if the call succeeded. */
export async function problem(call: Promise<unknown>): Promise<ApiProblem> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiProblem) return err;
    throw err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The contract's paths that answer this method. */
type PathsWithMethod<M extends Method> = { [P in keyof paths]: paths[P][M] extends undefined ? never : P }[keyof paths];
/** What a call sends besides its method and path. */
export interface CallOptions {
  /** The path's `{…}` parameters. */
  params?: Record<string, string>;
  body?: object;
  query?: object;
  headers?: Record<string, string>;
}
/** A call of one of the contract's routes: a path the API does not answer with that method does not compile. */
type Request = { [M in Method]: { method: M; path: PathsWithMethod<M> } & CallOptions }[Method];

/** Request bodies and queries as callers write them (defaults may be left out). */
type In<T extends z.ZodType> = z.input<T>;

/**
 * The API as a caller with this session cookie (none: anonymous) sees it, through openapi-fetch typed by the web's
 * generated paths. Inputs are the contract's request types; a success is parsed with the contract's response
 * schema, so a response that drifted from the contract fails the test. A failure throws an ApiProblem: assert it
 * with `problem(...)`.
 */
export function apiClient(t: Pick<TestApp, 'url'>, cookie?: string) {
  const client = createClient<paths>({ baseUrl: t.url });
  const named = (req: Request) =>
    `${req.method.toUpperCase()} ${req.path.replace(/\{(\w+)\}/g, (_: string, name: string) => req.params?.[name] ?? name)}`;

  /** One exchange as it went over the wire: never throws, whatever the status. */
  async function send(req: Request): Promise<WireResponse> {
    const { response, data, error } = await client.request(
      req.method,
      req.path as never,
      {
        params: { path: req.params, query: req.query },
        body: req.body,
        headers: { ...(cookie ? { cookie } : {}), ...req.headers },
        parseAs: 'arrayBuffer',
        // A redirect is what a test looks at (the OIDC flow), not something to follow.
        redirect: 'manual',
      } as never,
    );
    // A success comes as bytes (parseAs); openapi-fetch parses an error's JSON itself.
    const answer: unknown = data ?? error;
    const raw = answer instanceof ArrayBuffer ? decode(answer) : answer;
    const body: unknown = typeof raw === 'string' ? parsed(raw, response.headers) : (raw ?? {});
    return { status: response.status, headers: response.headers, body };
  }

  /** Sends; anything but the route's success status throws (a problem document as an ApiProblem). */
  async function exchange(req: Request, ok: number): Promise<WireResponse> {
    const res = await send(req);
    const what = named(req);
    if (res.status === ok) return res;
    if (res.status < 400) throw new Error(`${what}: expected ${ok}, got ${res.status}`);
    throw new ApiProblem(res.status, problemOf(res, what), what);
  }

  function parse<S extends z.ZodType>(req: Request, schema: S, body: unknown): z.output<S> {
    const what = named(req);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new Error(`${what}: the response does not match the contract: ${parsed.error.message}`);
    // Parsing strips undeclared fields; a field the contract does not name is drift too.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), body)) {
      throw new Error(`${what}: the response has fields the contract does not declare: ${JSON.stringify(body)}`);
    }
    return parsed.data;
  }

  const call = async <S extends z.ZodType>(req: Request, ok: number, schema: S): Promise<z.output<S>> =>
    parse(req, schema, (await exchange(req, ok)).body);

  const get = <S extends z.ZodType>(
    path: PathsWithMethod<'get'>,
    schema: S,
    query?: object,
    params?: Record<string, string>,
  ) => call({ method: 'get', path, query, params }, 200, schema);

  return {
    cookie,
    /**
     * A contract route's exchange as it went over the wire, for what a test checks there: a status, a header, a
     * refusal's problem document. Typed like the calls below; never throws.
     */
    wire: <M extends Method>(method: M, path: PathsWithMethod<M>, options: CallOptions = {}) =>
      send({ method, path, ...options } as Request),
    health: () => get('/api/health', Health),
    auth: {
      /** Logs in; the session cookie comes back with the user. */
      login: async (body: LoginRequest) => {
        const req: Request = { method: 'post', path: '/api/auth/login', body };
        const res = await exchange(req, 200);
        const cookie = res.headers.getSetCookie()[0].split(';')[0];
        return { cookie, ...parse(req, LoginResponse, res.body) };
      },
      logout: async () => {
        await exchange({ method: 'post', path: '/api/auth/logout' }, 204);
      },
      me: () => get('/api/me', Me),
      config: () => get('/api/auth/config', AuthConfig),
      sessions: () => get('/api/auth/sessions', StaffSessionList),
      endSession: async (id: string) => {
        await exchange({ method: 'delete', path: '/api/auth/sessions/{id}', params: { id } }, 204);
      },
      logoutEverywhere: async () => {
        await exchange({ method: 'post', path: '/api/auth/sessions/logout-all', body: {} }, 204);
      },
      setPassword: async (body: SetPasswordRequest) => {
        await exchange({ method: 'post', path: '/api/auth/set-password', body }, 204);
      },
    },
    admin: {
      staff: () => get('/api/admin/staff', StaffAccountList),
      createStaff: (body: In<typeof CreateStaffAccount>) =>
        call({ method: 'post', path: '/api/admin/staff', body }, 201, StaffAccount),
      updateStaff: (id: string, body: UpdateStaffAccount) =>
        call({ method: 'patch', path: '/api/admin/staff/{id}', params: { id }, body }, 200, StaffAccount),
      passwordReset: (id: string) =>
        call({ method: 'post', path: '/api/admin/staff/{id}/password-reset', params: { id } }, 201, PasswordLink),
      teams: () => get('/api/admin/teams', AdminTeamList),
      createTeam: (body: CreateTeam) => call({ method: 'post', path: '/api/admin/teams', body }, 201, AdminTeam),
    },
    meetings: {
      list: (query: MeetingListQuery) => get('/api/meetings', MeetingList, query),
      get: (id: string) => get('/api/meetings/{id}', Meeting, undefined, { id }),
      create: (body: CreateMeeting) => call({ method: 'post', path: '/api/meetings', body }, 201, Meeting),
      update: (id: string, body: UpdateMeeting) =>
        call({ method: 'patch', path: '/api/meetings/{id}', params: { id }, body }, 200, Meeting),
      recordOutcome: (id: string, body: RecordOutcome) =>
        call({ method: 'post', path: '/api/meetings/{id}/outcome', params: { id }, body }, 200, Meeting),
      /** Makes or replaces a participant's guest link. */
      issueLink: (id: string, participantId: string) =>
        call(
          {
            method: 'post',
            path: '/api/meetings/{id}/participants/{participantId}/link',
            params: { id, participantId },
            body: {},
          },
          201,
          GuestLink,
        ),
      revokeLink: async (id: string, participantId: string) => {
        await exchange(
          {
            method: 'delete',
            path: '/api/meetings/{id}/participants/{participantId}/link',
            params: { id, participantId },
          },
          204,
        );
      },
      /** A staff participant's own answer to the invitation. */
      respond: (id: string, body: RespondToMeeting) =>
        call({ method: 'post', path: '/api/meetings/{id}/response', params: { id }, body }, 200, Meeting),
      shareNotes: (id: string, participantId: string, body: NotesSharing) =>
        call(
          {
            method: 'put',
            path: '/api/meetings/{id}/participants/{participantId}/notes-sharing',
            params: { id, participantId },
            body,
          },
          200,
          Meeting,
        ),
      notes: (id: string) => get('/api/meetings/{id}/notes', MeetingNotes, undefined, { id }),
      notesHistory: (id: string) => get('/api/meetings/{id}/notes/history', NotesHistory, undefined, { id }),
      restoreNotes: (id: string, body: RestoreNotes) =>
        call({ method: 'post', path: '/api/meetings/{id}/notes/restore', params: { id }, body }, 200, MeetingNotes),
      /** The CSV as sent, its byte-order mark kept (a text decode would drop it), with its headers. */
      doctorParticipationCsv: async (query: DoctorParticipationQuery) => {
        const res = await exchange({ method: 'get', path: '/api/meetings/doctor-participation.csv', query }, 200);
        return { headers: res.headers, text: res.body as string };
      },
    },
    /** A guest's link: `cookie` is then the guest's verified-code cookie, if any. */
    guests: {
      view: (token: string) => get('/api/guest/{token}', GuestView, undefined, { token }),
      sendCode: (token: string) =>
        call({ method: 'post', path: '/api/guest/{token}/code', params: { token }, body: {} }, 200, GuestCodeSent),
      /** Gives the one-time code; answers the Set-Cookie header that opens the health data to this browser. */
      verify: async (token: string, body: VerifyGuestCode) => {
        const res = await exchange({ method: 'post', path: '/api/guest/{token}/verify', params: { token }, body }, 204);
        return res.headers.getSetCookie()[0];
      },
      choose: (token: string, body: ChooseTime) =>
        call({ method: 'post', path: '/api/guest/{token}/choose', params: { token }, body }, 200, GuestMeeting),
      respond: (token: string, body: RespondToMeeting) =>
        call({ method: 'post', path: '/api/guest/{token}/response', params: { token }, body }, 200, GuestSelf),
      giveHealthStatement: (token: string, body: CreateHealthStatement) =>
        call(
          { method: 'post', path: '/api/guest/{token}/health-statement', params: { token }, body },
          201,
          HealthStatement,
        ),
      giveOwnAssessment: (token: string, body: CreateOwnAssessment) =>
        call(
          { method: 'post', path: '/api/guest/{token}/own-assessment', params: { token }, body },
          201,
          OwnAssessment,
        ),
      notes: (token: string) => get('/api/guest/{token}/notes', MeetingNotes, undefined, { token }),
      accessLog: (token: string, query: AccessLogQuery = {}) =>
        get('/api/guest/{token}/access-log', AccessLog, query, { token }),
      /** Staff reading what the guests of a case's meetings gave. */
      healthStatements: (caseId: string, query: HealthDataQuery = {}) =>
        get('/api/cases/{id}/health-statements', HealthStatementList, query, { id: caseId }),
      ownAssessments: (caseId: string, query: HealthDataQuery = {}) =>
        get('/api/cases/{id}/own-assessments', OwnAssessmentList, query, { id: caseId }),
    },
    /** Mails kept for the caller instead of sent. */
    outbox: () => get('/api/outbox', OutboxMailList),
    availability: (query: AvailabilityQuery) => get('/api/availability', Availability, query),
    busy: (query: BusyQuery) => get('/api/availability/busy', Busy, query),
    staff: {
      workingHours: (id: string) => get('/api/staff/{id}/working-hours', WorkingHours, undefined, { id }),
      setWorkingHours: (id: string, body: SetWorkingHours) =>
        call({ method: 'put', path: '/api/staff/{id}/working-hours', params: { id }, body }, 200, WorkingHours),
      addAbsence: (id: string, body: CreateAbsence) =>
        call({ method: 'post', path: '/api/staff/{id}/absences', params: { id }, body }, 201, Absence),
      removeAbsence: async (id: string, absenceId: string) => {
        await exchange(
          { method: 'delete', path: '/api/staff/{id}/absences/{absenceId}', params: { id, absenceId } },
          204,
        );
      },
    },
    citizens: {
      create: (body: CreateCitizen) => call({ method: 'post', path: '/api/citizens', body }, 201, Citizen),
      search: (query: CitizenSearch = {}) => get('/api/citizens', CitizenList, query),
      get: (id: string) => get('/api/citizens/{id}', Citizen, undefined, { id }),
      export: (id: string) => get('/api/citizens/{id}/export', CitizenExport, undefined, { id }),
      revealCpr: (id: string, body: RevealCpr) =>
        call({ method: 'post', path: '/api/citizens/{id}/reveal-cpr', params: { id }, body }, 200, RevealedCpr),
      consents: (id: string) => get('/api/citizens/{id}/consents', ConsentList, undefined, { id }),
      setConsent: (id: string, scope: ConsentScope, body: SetConsent) =>
        call({ method: 'put', path: '/api/citizens/{id}/consents/{scope}', params: { id, scope }, body }, 200, Consent),
      accessLog: (id: string, query: AccessLogQuery = {}) =>
        get('/api/citizens/{id}/access-log', AccessLog, query, { id }),
    },
    outcomes: (query: In<typeof OutcomeQuery>) => get('/api/outcomes', Outcomes, query),
    cases: {
      create: (body: CreateCase) => call({ method: 'post', path: '/api/cases', body }, 201, Case),
      list: (query: In<typeof CaseQuery> = {}) => get('/api/cases', CaseList, query),
      get: (id: string) => get('/api/cases/{id}', Case, undefined, { id }),
      update: (id: string, body: UpdateCase) =>
        call({ method: 'patch', path: '/api/cases/{id}', params: { id }, body }, 200, Case),
      setMember: (id: string, body: SetCaseMember) =>
        call({ method: 'put', path: '/api/cases/{id}/members', params: { id }, body }, 200, Case),
      removeMember: async (id: string, staffId: string) => {
        await exchange({ method: 'delete', path: '/api/cases/{id}/members/{staffId}', params: { id, staffId } }, 204);
      },
      assign: (id: string, body: AssignCase) =>
        call({ method: 'post', path: '/api/cases/{id}/assign', params: { id }, body }, 200, Case),
      colleagues: (id: string) => get('/api/cases/{id}/colleagues', CaseColleagueList, undefined, { id }),
      assignments: (id: string) => get('/api/cases/{id}/assignments', CaseAssignmentList, undefined, { id }),
      suggestions: (id: string) =>
        get('/api/cases/{id}/assignment-suggestions', AssignmentSuggestionList, undefined, { id }),
    },
    caseload: {
      get: (teamId: string) => get('/api/caseload', Caseload, { teamId }),
      figures: (teamId: string) => get('/api/caseload/figures', CaseloadFigures, { teamId }),
      setCeiling: (staffId: string, body: SetCeiling) =>
        call({ method: 'put', path: '/api/caseload/ceilings/{staffId}', params: { staffId }, body }, 200, CaseloadRow),
      setTeam: (teamId: string, body: SetTeamCaseload) =>
        call(
          { method: 'put', path: '/api/caseload/teams/{teamId}', params: { teamId }, body },
          200,
          TeamCaseloadSettings,
        ),
      move: (body: MoveCases) => call({ method: 'post', path: '/api/caseload/moves', body }, 200, MovedCases),
      moveSuggestions: (caseIds: string[]) =>
        get('/api/caseload/move-suggestions', AssignmentSuggestionList, { caseIds: caseIds.join(',') }),
      benefitWeights: () => get('/api/caseload/benefit-weights', BenefitWeightList),
      setBenefitWeights: (body: SetBenefitWeights) =>
        call({ method: 'put', path: '/api/caseload/benefit-weights', body }, 200, BenefitWeightList),
    },
    plan: {
      get: (caseId: string) => get('/api/cases/{id}/plan', Plan, undefined, { id: caseId }),
      /** Updates on top of `version` (If-Match). */
      update: (caseId: string, version: number, body: UpdatePlan) =>
        call(
          {
            method: 'put',
            path: '/api/cases/{id}/plan',
            params: { id: caseId },
            body,
            headers: { 'if-match': `"${version}"` },
          },
          200,
          Plan,
        ),
      review: (caseId: string, body: In<typeof RecordReview> = {}) =>
        call({ method: 'post', path: '/api/cases/{id}/plan/review', params: { id: caseId }, body }, 200, Plan),
      addEffort: (caseId: string, body: CreateEffort) =>
        call({ method: 'post', path: '/api/cases/{id}/plan/efforts', params: { id: caseId }, body }, 201, Effort),
      updateEffort: (caseId: string, effortId: string, body: UpdateEffort) =>
        call(
          { method: 'patch', path: '/api/cases/{id}/plan/efforts/{effortId}', params: { id: caseId, effortId }, body },
          200,
          Effort,
        ),
      history: (caseId: string) => get('/api/cases/{id}/plan/history', PlanHistory, undefined, { id: caseId }),
    },
    requests: {
      list: (caseId: string) => get('/api/cases/{id}/requests', CitizenRequestList, undefined, { id: caseId }),
      create: (caseId: string, body: CreateCitizenRequest) =>
        call({ method: 'post', path: '/api/cases/{id}/requests', params: { id: caseId }, body }, 201, CitizenRequest),
      decide: (caseId: string, requestId: string, body: DecideCitizenRequest) =>
        call(
          {
            method: 'post',
            path: '/api/cases/{id}/requests/{requestId}/decision',
            params: { id: caseId, requestId },
            body,
          },
          200,
          CitizenRequest,
        ),
    },
    exemptions: {
      list: (caseId: string) => get('/api/cases/{id}/exemptions', ExemptionList, undefined, { id: caseId }),
      create: (caseId: string, body: CreateExemption) =>
        call({ method: 'post', path: '/api/cases/{id}/exemptions', params: { id: caseId }, body }, 201, Exemption),
    },
    indicators: {
      get: (caseId: string) => get('/api/cases/{id}/indicators', Indicators, undefined, { id: caseId }),
      score: (caseId: string, body: ScoreIndicators) =>
        call({ method: 'post', path: '/api/cases/{id}/indicators', params: { id: caseId }, body }, 201, Indicators),
    },
    worklist: (query: In<typeof WorklistQuery> = {}) => get('/api/worklist', Worklist, query),
    /** Every page of the worklist: for a test's own items in a list that other tests make longer too. */
    worklistAll: async (query: Omit<In<typeof WorklistQuery>, 'cursor' | 'limit'> = {}) => {
      const items: Worklist['items'] = [];
      let cursor: string | undefined;
      do {
        const page = await get('/api/worklist', Worklist, { ...query, limit: 100, cursor });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { items };
    },
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

/** A body that breaks the contract on purpose, to see the API refuse it. */
export const invalid = <T>(body: unknown): T => body as T;
