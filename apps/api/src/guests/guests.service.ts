import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  AccessLog,
  AccessLogQuery,
  ChooseTime,
  CreateHealthStatement,
  CreateOwnAssessment,
  GuestCodeSent,
  GuestDecision,
  GuestEffortChange,
  GuestLink,
  GuestOutcome,
  GuestSelf,
  GuestView,
  HealthDataQuery,
  HealthStatement,
  HealthStatementList,
  MeetingNotes,
  OwnAssessment,
  OwnAssessmentList,
  PlanExcerpt,
  RespondToMeeting,
  VerifyGuestCode,
} from '@tvaers/contracts';
import { GuestMeeting } from '@tvaers/contracts';
import { AccessService, copierReadsAccessLogs, copierSeesHealth } from '../access/access.service';
import type { Grant } from '../access/grant';
import { Permission } from '../access/permission';
import { AccessLogService } from '../audit/access-log.service';
import { type GuestActor, newRequestAudit, type StaffActor } from '../common/auth/actor';
import { notFound, ProblemError } from '../common/problem/problem';
import { CitizensService } from '../citizens/citizens.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Sealer } from '../common/crypto/cpr-cipher';
import { MeetingNotesService } from '../meeting-notes/meeting-notes.service';
import { MeetingMailService } from '../meetings/meeting-mail.service';
import { MeetingParticipantsService } from '../meetings/meeting-participants.service';
import { MeetingProposalsService } from '../meetings/meeting-proposals.service';
import { MeetingsService } from '../meetings/meetings.service';
import { PlansService } from '../plans/plans.service';
import { GuestCodes, maskEmail } from './guest-codes';
import { LINK_SEALER } from './link-sealer';
import { GuestThrottle } from './guest-throttle';
import { guestCodeRequired, linkForClosedMeeting, staffHaveLogins } from './guests.errors';
import { toHealthStatement, toOwnAssessment } from './guests.mapper';
import { GuestsRepository, type LinkHolder } from './guests.repository';

/** 256 random bits, URL-safe: the token is the link's only secret. */
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();

const GUEST_CHANGE_FIELDS: readonly GuestEffortChange['field'][] = [
  'title',
  'ownerId',
  'startDate',
  'endDate',
  'status',
];

/** Who a link sent with an invitation is logged as issued by. */
const MAIL_ISSUER = { kind: 'system', name: 'Tværs (invitation)' } as const;

/** Where a request for a guest route came from: its address, for the rate limit. */
export interface GuestRequest {
  token: string;
  address: string;
  /** The browser's secret from a verified one-time code (GUEST_EMAIL_CODE), if it has one. */
  verification?: string;
}

/**
 * Guest links (docs/api.md "Guest links"): staff issue and revoke them; their holders, one participant of one
 * meeting each, read and act through the access module as a GuestActor, each read and change in the access log.
 */
/** Where a guest's health data was given: the case, meeting and participant of their link. */
const givenThrough = ({ caseId, meetingId, participantId }: LinkHolder) => ({ caseId, meetingId, participantId });

@Injectable()
export class GuestsService {
  constructor(
    private readonly repo: GuestsRepository,
    private readonly throttle: GuestThrottle,
    private readonly access: AccessService,
    private readonly plans: PlansService,
    private readonly meetings: MeetingsService,
    private readonly meetingMail: MeetingMailService,
    private readonly proposals: MeetingProposalsService,
    private readonly participants: MeetingParticipantsService,
    private readonly accessLogs: AccessLogService,
    private readonly codes: GuestCodes,
    @Inject(LINK_SEALER) private readonly sealer: Sealer,
    private readonly citizens: CitizensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notes: MeetingNotesService,
  ) {}

  /**
   * "Nyt link": a new link for a participant without an account, replacing (and so revoking) the previous one.
   * Its URL is answered to the staff member, so the link counts as shown to them (see AccessService: it shows no
   * more than their own view); it is also mailed to the participant if they have an e-mail.
   */
  async issueLink(actor: StaffActor, meetingId: string, participantId: string, baseUrl: string): Promise<GuestLink> {
    const token = newToken();
    const link = await this.access.change(actor, Permission.MeetingLinkWrite, meetingId, async () => {
      const p = await this.repo.participant(meetingId, participantId);
      if (!p) throw notFound('Participant');
      if (p.kind === 'staff') throw staffHaveLogins();
      if (p.status === 'cancelled' || !p.linkEnd || p.linkEnd <= new Date()) throw linkForClosedMeeting();
      await this.repo.replaceLink(participantId, hashToken(token), this.sealer.seal(token), {
        kind: 'staff',
        id: actor.id,
        name: actor.name,
        copied: true,
      });
      // The new link is mailed to the guest in this same transaction (MeetingMailService queues it).
      const mailed = await this.meetingMail.mailNewLink(meetingId, participantId, hashToken(token).toString('hex'));
      return {
        result: { url: `${baseUrl}/m/${token}`, expiresAt: p.linkEnd.toISOString(), mailed },
        audit: { entityId: participantId, details: { mailed } },
        events: [['guest.link.revoked', { meetingId, participantId }]],
      };
    });
    return link;
  }

  /**
   * The participant's link for a mail about the meeting: their current one, so every mail carries the same link
   * and an open page keeps working. Only a participant without one (or with one made before links were kept
   * sealed) gets a new one, issued by Tværs and never shown to staff, with its access-log row. Null for staff and
   * for a cancelled or past meeting.
   */
  async linkForMail(
    meetingId: string,
    participantId: string,
    issuedBy: string,
    baseUrl: string,
  ): Promise<{ url: string; expiresAt: Date } | null> {
    const p = await this.repo.participant(meetingId, participantId);
    if (!p || p.kind === 'staff' || p.status === 'cancelled' || !p.linkEnd || p.linkEnd <= new Date()) return null;
    const current = await this.current(participantId);
    if (current) {
      await this.repo.markMailed(participantId);
      return { url: `${baseUrl}/m/${current}`, expiresAt: p.linkEnd };
    }
    const token = newToken();
    // Logged like the staff route's issue: a new key to the citizen's data went out, by mail.
    const added = await this.access.systemChange(MAIL_ISSUER, Permission.MeetingLinkWrite, meetingId, async () => {
      const by = { kind: 'system' as const, id: issuedBy, name: MAIL_ISSUER.name, copied: false };
      if (!(await this.repo.addLinkIfNone(participantId, hashToken(token), this.sealer.seal(token), by))) return null;
      await this.repo.markMailed(participantId);
      return { result: true, audit: { entityId: participantId, details: { sentBy: 'mail' } } };
    });
    if (added) return { url: `${baseUrl}/m/${token}`, expiresAt: p.linkEnd };
    // Another mail of the same moment issued it first: this one carries that link too.
    const other = await this.current(participantId);
    if (!other) return null;
    await this.repo.markMailed(participantId);
    return { url: `${baseUrl}/m/${other}`, expiresAt: p.linkEnd };
  }

  /** The participant's current token, unsealed; null when none is kept. */
  private async current(participantId: string): Promise<string | null> {
    const sealed = await this.repo.sealedLink(participantId);
    return sealed ? this.sealer.open(sealed) : null;
  }

  async revokeLink(actor: StaffActor, meetingId: string, participantId: string): Promise<void> {
    await this.access.change(actor, Permission.MeetingLinkWrite, meetingId, async () => {
      if (!(await this.repo.participant(meetingId, participantId))) throw notFound('Participant');
      await this.repo.deleteLink(participantId);
      return {
        result: undefined,
        audit: { action: 'meeting.link.revoke', entityId: participantId },
        events: [['guest.link.revoked', { meetingId, participantId }]],
      };
    });
  }

  /** Health data: health staff see it, others of the team only while the citizen's health_in_unit consent is given. */
  async healthStatements(actor: StaffActor, caseId: string, q: HealthDataQuery = {}): Promise<HealthStatementList> {
    const grant = await this.access.require(actor, Permission.HealthStatementsRead, caseId);
    const rows = await this.repo.statementsOf(caseId, q.meetingId);
    if (!grant.seesHealth) return { items: [], healthHidden: rows.length > 0 };
    // Shown to the case's responsible person: read, so off their worklist.
    await this.repo.markReadByResponsible(
      rows.map((r) => r.id),
      actor.id,
    );
    return { items: rows.map(toHealthStatement), healthHidden: false };
  }

  async ownAssessments(actor: StaffActor, caseId: string, q: HealthDataQuery = {}): Promise<OwnAssessmentList> {
    const grant = await this.access.require(actor, Permission.OwnAssessmentsRead, caseId);
    const rows = await this.repo.assessmentsOf(caseId, q.meetingId);
    if (!grant.seesHealth) return { items: [], healthHidden: rows.length > 0 };
    return { items: rows.map(toOwnAssessment), healthHidden: false };
  }

  /**
   * The link's holder, within the rate limit. Unknown, revoked, expired and malformed tokens are all the
   * same 404, so an answer tells nothing about which it was.
   * `healthData`: the route shows or takes health data, so it needs the one-time e-mail code where the
   * municipality requires one (403 GUEST_CODE_REQUIRED until this browser has given it).
   */
  private async open(req: GuestRequest, healthData = false): Promise<{ actor: GuestActor; holder: LinkHolder }> {
    const reservation = await this.throttle.reserve(req.address);
    const holder = TOKEN_SHAPE.test(req.token) ? await this.repo.resolve(hashToken(req.token), new Date()) : null;
    if (!holder) throw notFound();
    await this.throttle.found(reservation);
    if (healthData && !(await this.codePassed(req))) throw guestCodeRequired();
    const actor: GuestActor = {
      kind: 'guest',
      participantId: holder.participantId,
      meetingId: holder.meetingId,
      participantKind: holder.kind,
      name: holder.name,
      copiedBy: holder.copiedBy,
      audit: newRequestAudit(),
    };
    return { actor, holder };
  }

  private codePassed(req: GuestRequest): Promise<boolean> {
    return this.codes.passes(req.verification, hashToken(req.token));
  }

  /** Mails the link's holder a one-time code (only where the municipality requires one). */
  async sendCode(req: GuestRequest): Promise<GuestCodeSent> {
    const { holder } = await this.open(req);
    if (!this.codes.required) throw notFound();
    return this.codes.send(holder);
  }

  /** The right code verifies this browser for this link: answers the secret for its cookie. */
  async verifyCode(req: GuestRequest, input: VerifyGuestCode): Promise<{ secret: string; expiresAt: Date }> {
    const { holder } = await this.open(req);
    if (!this.codes.required) throw notFound();
    return this.codes.verify(holder.participantId, hashToken(req.token), input.code);
  }

  /**
   * The holder of a link opening a live connection (docs/api.md "Live events"), within the same rate limit as
   * the guest routes; null for an unknown, revoked, expired or malformed token. The room's notes may hold
   * health data, so the one-time code applies.
   */
  async socketActor(req: GuestRequest): Promise<GuestActor | null> {
    try {
      return (await this.open(req, true)).actor;
    } catch (err) {
      if (err instanceof ProblemError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  /** Of these participants, those whose link is still valid: an expired link's sockets are closed by it. */
  async liveLinks(participantIds: string[]): Promise<Set<string>> {
    return new Set(participantIds.length ? await this.repo.liveLinks(participantIds, new Date()) : []);
  }

  /** The meeting as MeetingsService reads it, less what a guest is not shown (case, participants, outcome). */
  private async meeting(meetingId: string): Promise<GuestMeeting> {
    const m = await this.meetings.current(meetingId);
    if (!m) throw notFound();
    return GuestMeeting.parse(m);
  }

  private static self(holder: LinkHolder, response = holder.response): GuestSelf {
    return {
      participantId: holder.participantId,
      kind: holder.kind,
      name: holder.name,
      response,
      notesShared: holder.kind !== 'guest' || holder.notesShared,
    };
  }

  /**
   * The meeting and, for the citizen (their own plan) or the doctor while the citizen consents
   * (`plan_excerpt_to_doctor`), the plan excerpt. The doctor sees health efforts only where the unit itself
   * may (health_in_unit), as consent to share a plan with the doctor is no consent to share health data in it.
   */
  async view(req: GuestRequest): Promise<GuestView> {
    const { actor, holder } = await this.open(req);
    const grant = await this.access.require(actor, Permission.GuestRead, holder.meetingId);
    // Without the required code the meeting shows (time, place: no health data), the excerpt does not.
    const codeGate = (await this.codePassed(req)) ? null : { emailHint: holder.email && maskEmail(holder.email) };
    let planExcerpt: PlanExcerpt | null = null;
    if (!codeGate && (holder.kind === 'citizen' || (holder.kind === 'doctor' && holder.excerptConsent))) {
      // The grant carries the health rule of the link (AccessService): the citizen's own, or a copier's.
      const excerpt = await this.plans.excerpt(grant, holder.caseId);
      // The own assessment is health data: not through a link shown to a staff member who may not see it.
      const own = copierSeesHealth(actor, grant) ? await this.repo.latestAssessment(holder.meetingId) : null;
      planExcerpt = excerpt && {
        citizenGoal: excerpt.citizenGoal,
        jobGoal: excerpt.jobGoal,
        efforts: excerpt.efforts.map((e) => ({
          type: e.type,
          title: e.title,
          discipline: e.discipline,
          status: e.status,
          startDate: e.startDate,
          endDate: e.endDate,
        })),
        ownAssessment: own && toOwnAssessment(own),
      };
    }
    return {
      meeting: await this.meeting(holder.meetingId),
      guest: GuestsService.self(holder),
      planExcerpt,
      codeGate,
      limitedBy: GuestsService.limitedBy(actor, grant.seesHealth),
      ...(await this.about(holder, grant, codeGate === null, copierSeesHealth(actor, grant))),
    };
  }

  /** The citizen's link shown to a staff member whose own view is narrower than the citizen's: that staff member. */
  private static limitedBy(actor: GuestActor, seesHealth: boolean): { name: string } | null {
    const copier = actor.copiedBy;
    if (actor.participantKind !== 'citizen' || !copier) return null;
    return seesHealth && copierReadsAccessLogs(actor) ? null : { name: copier.name };
  }

  /**
   * What the holder needs to know beyond time and place: who the meeting is about
   * (doctor and citizen only), who invites and how to reach them, the doctor's fee line, what the holder has
   * sent through the link, and, for the citizen, a held meeting's outcome. `open`: no one-time code is
   * pending, so personal and health data may show. Read under the guest's grant from view(), whose access-log
   * row covers this request.
   */
  private async about(holder: LinkHolder, grant: Grant, open: boolean, seesHealth: boolean) {
    // Who invites, as the meeting's mails say it (MeetingMailService: the case team's municipality, the unit).
    const invite = await this.meetingMail.forMail(holder.meetingId);
    const namesCitizen = open && (holder.kind === 'doctor' || holder.kind === 'citizen');
    const [citizen, statements, assessments, outcome] = await Promise.all([
      namesCitizen ? this.citizens.identity(grant) : null,
      open && seesHealth && holder.kind === 'doctor' ? this.repo.statementsBy(holder.participantId) : [],
      open && seesHealth && holder.kind === 'citizen' ? this.repo.assessmentsBy(holder.participantId) : [],
      open && holder.kind === 'citizen' ? this.outcomeForCitizen(holder, grant) : null,
    ]);
    return {
      citizen,
      host: {
        municipality: invite?.sender.municipality ?? null,
        unit: invite?.sender.unit ?? null,
        organizer: invite?.organizer ?? { name: '', email: '', phone: null },
      },
      feeText: holder.kind === 'doctor' ? (this.config.doctorFeeText ?? null) : null,
      given: {
        healthStatements: statements.map((st) => ({
          id: st.id,
          workCapacity: st.workCapacity,
          assessment: st.assessment,
          recommendations: st.recommendations,
          restrictions: st.restrictions,
          createdAt: st.createdAt.toISOString(),
        })),
        ownAssessments: assessments.map((a) => ({
          id: a.id,
          text: a.text,
          wellbeing: a.wellbeing,
          createdAt: a.createdAt.toISOString(),
        })),
      },
      outcome,
    };
  }

  /**
   * A held meeting's summary and the decisions as they touch the citizen's plan; a decision about an effort
   * the citizen's plan excerpt would not show is left out, by the same rule as that excerpt.
   */
  private async outcomeForCitizen(holder: LinkHolder, grant: Grant): Promise<GuestOutcome | null> {
    const m = await this.meetings.current(holder.meetingId);
    if (!m?.outcome) return null;
    const effortIds = m.outcome.decisions.flatMap((d) => (d.effort ? [d.effort.effortId] : []));
    const efforts = await this.plans.effortsChangedIn(grant, holder.caseId, effortIds, m.outcome.planVersion);
    const decisions = m.outcome.decisions.flatMap((d): GuestDecision[] => {
      if (!d.effort) return [{ text: d.text, effort: null }];
      const found = efforts.get(d.effort.effortId);
      if (!found) return [];
      const changes = found.changes.flatMap((c): GuestEffortChange[] =>
        GUEST_CHANGE_FIELDS.includes(c.field as GuestEffortChange['field'])
          ? [
              {
                field: c.field as GuestEffortChange['field'],
                // The owner is a colleague's id: the citizen is told that it changed, not an id.
                to:
                  c.field === 'ownerId' || c.to === null
                    ? null
                    : typeof c.to === 'string'
                      ? c.to
                      : JSON.stringify(c.to),
              },
            ]
          : [],
      );
      return [
        {
          text: d.text,
          effort: { action: d.effort.action, type: found.effort.type, title: found.effort.title, changes },
        },
      ];
    });
    return { summary: m.outcome.summary, heldAt: m.outcome.heldAt, decisions };
  }

  /** The doctor picks one of the proposed times; the meeting is then scheduled at it. */
  async choose(req: GuestRequest, input: ChooseTime): Promise<GuestMeeting> {
    const { actor, holder } = await this.open(req);
    // The meetings module makes the change (with the guest's access-log row), its mails and its event.
    await this.proposals.choose(actor, new Date(input.start));
    return this.meeting(holder.meetingId);
  }

  async respond(req: GuestRequest, input: RespondToMeeting): Promise<GuestSelf> {
    const { actor, holder } = await this.open(req);
    const participantId = holder.participantId;
    await this.participants.answer(
      actor,
      Permission.GuestRespond,
      holder.meetingId,
      () => Promise.resolve(participantId),
      input,
    );
    return GuestsService.self(holder, input.response);
  }

  addHealthStatement(req: GuestRequest, input: CreateHealthStatement): Promise<HealthStatement> {
    return this.receiveHealthData(req, Permission.GuestHealthStatementWrite, async (holder) =>
      toHealthStatement(
        await this.repo.addStatement({
          ...givenThrough(holder),
          doctorName: holder.name,
          workCapacity: input.workCapacity,
          assessment: input.assessment,
          recommendations: input.recommendations,
          restrictions: input.restrictions || null,
        }),
      ),
    );
  }

  addOwnAssessment(req: GuestRequest, input: CreateOwnAssessment): Promise<OwnAssessment> {
    return this.receiveHealthData(req, Permission.GuestOwnAssessmentWrite, async (holder) =>
      toOwnAssessment(
        await this.repo.addAssessment({
          ...givenThrough(holder),
          text: input.text,
          wellbeing: input.wellbeing ?? null,
        }),
      ),
    );
  }

  /** Health data a guest gives on the meeting's case: behind the e-mail code, logged, `health.data.received`. */
  private async receiveHealthData<T extends { id: string }>(
    req: GuestRequest,
    permission: Permission.GuestHealthStatementWrite | Permission.GuestOwnAssessmentWrite,
    add: (holder: LinkHolder) => Promise<T>,
  ): Promise<T> {
    const { actor, holder } = await this.open(req, true);
    return this.access.change(actor, permission, holder.meetingId, async () => {
      const result = await add(holder);
      return {
        result,
        audit: { entityId: result.id },
        events: [['health.data.received', { caseId: holder.caseId }]],
      };
    });
  }

  /**
   * The meeting's notes as text, also once it is held (read-only then): the doctor and the citizen, another
   * guest only where the organiser shares them (else 404). Health content: behind the e-mail code.
   */
  async meetingNotes(req: GuestRequest): Promise<MeetingNotes> {
    const { actor, holder } = await this.open(req, true);
    return this.notes.read(actor, holder.meetingId);
  }

  /** The citizen's own access log (domain: the citizen can see who looked at their data). */
  async accessLog(req: GuestRequest, q: AccessLogQuery): Promise<AccessLog> {
    const { actor, holder } = await this.open(req, true);
    const grant = await this.access.require(actor, Permission.GuestAccessLogRead, holder.meetingId);
    return this.accessLogs.page(grant.citizenId, q);
  }

  /** Retention: their guest links end; what guests gave is blanked (citizens anonymised in the caller's transaction). */
  anonymiseCitizens(citizenIds: string[]): Promise<void> {
    return this.repo.anonymiseCitizens(citizenIds);
  }
}
