import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  AccessLog,
  AccessLogQuery,
  ChooseTime,
  CreateHealthStatement,
  CreateOwnAssessment,
  GuestCodeSent,
  GuestLink,
  GuestSelf,
  GuestView,
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
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { AccessLogService } from '../audit/access-log.service';
import { type GuestActor, newRequestAudit, type StaffActor } from '../common/auth/actor';
import { DomainEvents } from '../common/events/domain-events';
import { notFound, ProblemError } from '../common/problem/problem';
import { MeetingNotesService } from '../meeting-notes/meeting-notes.service';
import { MeetingsService } from '../meetings/meetings.service';
import { PlansService } from '../plans/plans.service';
import { GuestCodes, maskEmail } from './guest-codes';
import { GuestThrottle } from './guest-throttle';
import { guestCodeRequired, linkForClosedMeeting, onlyCitizen, onlyDoctor, staffHaveLogins } from './guests.errors';
import { toHealthStatement, toOwnAssessment } from './guests.mapper';
import { GuestsRepository, type LinkHolder } from './guests.repository';

/** 256 random bits, URL-safe: the token is the link's only secret. */
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();

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
 * Guest links (api.md "Guest links"): staff issue and revoke them; their holders, one participant of one
 * meeting each, read and act through the access module as a GuestActor, each read and change in the access log.
 */
@Injectable()
export class GuestsService {
  constructor(
    private readonly repo: GuestsRepository,
    private readonly throttle: GuestThrottle,
    private readonly access: AccessService,
    private readonly plans: PlansService,
    private readonly meetings: MeetingsService,
    private readonly accessLogs: AccessLogService,
    private readonly events: DomainEvents,
    private readonly codes: GuestCodes,
    private readonly notes: MeetingNotesService,
  ) {}

  /** A new link for a participant without an account; it replaces the participant's previous one. */
  async issueLink(actor: StaffActor, meetingId: string, participantId: string, baseUrl: string): Promise<GuestLink> {
    const token = newToken();
    const link = await this.access.change(actor, Permission.MeetingLinkWrite, meetingId, async () => {
      const p = await this.repo.participant(meetingId, participantId);
      if (!p) throw notFound('Participant');
      if (p.kind === 'staff') throw staffHaveLogins();
      if (p.status === 'cancelled' || !p.linkEnd || p.linkEnd <= new Date()) throw linkForClosedMeeting();
      await this.repo.replaceLink(participantId, hashToken(token), actor.id);
      return {
        result: { url: `${baseUrl}/m/${token}`, expiresAt: p.linkEnd.toISOString() },
        audit: { entityId: participantId },
      };
    });
    this.events.emit('guest.link.revoked', { meetingId, participantId });
    return link;
  }

  /**
   * A fresh link for a mailed invitation (no staff caller: the meeting's change sent it), replacing the
   * participant's previous one, since only its hash is kept. Null for staff and for a cancelled or past meeting.
   */
  async issueLinkForMail(meetingId: string, participantId: string, issuedBy: string, baseUrl: string) {
    const token = newToken();
    // Logged like the staff route's issue: a new key to the citizen's data went out, by mail.
    const link = await this.access.systemChange(MAIL_ISSUER, Permission.MeetingLinkWrite, meetingId, async () => {
      const p = await this.repo.participant(meetingId, participantId);
      if (!p || p.kind === 'staff' || p.status === 'cancelled' || !p.linkEnd || p.linkEnd <= new Date()) return null;
      await this.repo.replaceLink(participantId, hashToken(token), issuedBy);
      return {
        result: { url: `${baseUrl}/m/${token}`, expiresAt: p.linkEnd },
        audit: { entityId: participantId, details: { sentBy: 'mail' } },
      };
    });
    if (link) this.events.emit('guest.link.revoked', { meetingId, participantId });
    return link;
  }

  async revokeLink(actor: StaffActor, meetingId: string, participantId: string): Promise<void> {
    await this.access.change(actor, Permission.MeetingLinkWrite, meetingId, async () => {
      if (!(await this.repo.participant(meetingId, participantId))) throw notFound('Participant');
      await this.repo.deleteLink(participantId);
      return { result: undefined, audit: { action: 'meeting.link.revoke', entityId: participantId } };
    });
    this.events.emit('guest.link.revoked', { meetingId, participantId });
  }

  /** Health data: health staff see it, others of the team only while the citizen's health_in_unit consent is given. */
  async healthStatements(actor: StaffActor, caseId: string): Promise<HealthStatementList> {
    const grant = await this.access.require(actor, Permission.HealthStatementsRead, caseId);
    const rows = await this.repo.statementsOf(caseId);
    if (!grant.seesHealth) return { items: [], healthHidden: rows.length > 0 };
    return { items: rows.map(toHealthStatement), healthHidden: false };
  }

  async ownAssessments(actor: StaffActor, caseId: string): Promise<OwnAssessmentList> {
    const grant = await this.access.require(actor, Permission.OwnAssessmentsRead, caseId);
    const rows = await this.repo.assessmentsOf(caseId);
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
   * The holder of a link opening a live connection (api.md "Live events"), within the same rate limit as
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
      const excerpt = await this.plans.excerpt(
        holder.kind === 'citizen' ? { ...grant, seesHealth: true } : grant,
        holder.caseId,
      );
      const own = await this.repo.latestAssessment(holder.meetingId);
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
    return { meeting: await this.meeting(holder.meetingId), guest: GuestsService.self(holder), planExcerpt, codeGate };
  }

  /** The doctor picks one of the proposed times; the meeting is then scheduled at it. */
  async choose(req: GuestRequest, input: ChooseTime): Promise<GuestMeeting> {
    const { actor, holder } = await this.open(req);
    if (holder.kind !== 'doctor') throw onlyDoctor();
    await this.access.change(actor, Permission.GuestChoose, holder.meetingId, async () => {
      await this.meetings.scheduleAtProposal(holder.meetingId, new Date(input.start));
      return { result: undefined, audit: { details: { start: input.start } } };
    });
    this.events.emit('meeting.scheduled', { meetingId: holder.meetingId });
    return this.meeting(holder.meetingId);
  }

  async respond(req: GuestRequest, input: RespondToMeeting): Promise<GuestSelf> {
    const { actor, holder } = await this.open(req);
    await this.access.change(actor, Permission.GuestRespond, holder.meetingId, async () => {
      await this.repo.setResponse(holder.participantId, input.response);
      return { result: undefined, audit: { entityId: holder.participantId, details: { response: input.response } } };
    });
    return GuestsService.self(holder, input.response);
  }

  async addHealthStatement(req: GuestRequest, input: CreateHealthStatement): Promise<HealthStatement> {
    const { actor, holder } = await this.open(req, true);
    if (holder.kind !== 'doctor') throw onlyDoctor();
    return this.access.change(actor, Permission.GuestHealthStatementWrite, holder.meetingId, async () => {
      const row = await this.repo.addStatement({
        caseId: holder.caseId,
        meetingId: holder.meetingId,
        participantId: holder.participantId,
        doctorName: holder.name,
        workCapacity: input.workCapacity,
        assessment: input.assessment,
        recommendations: input.recommendations,
        restrictions: input.restrictions || null,
      });
      return { result: toHealthStatement(row), audit: { entityId: row.id } };
    });
  }

  async addOwnAssessment(req: GuestRequest, input: CreateOwnAssessment): Promise<OwnAssessment> {
    const { actor, holder } = await this.open(req, true);
    if (holder.kind !== 'citizen') throw onlyCitizen();
    return this.access.change(actor, Permission.GuestOwnAssessmentWrite, holder.meetingId, async () => {
      const row = await this.repo.addAssessment({
        caseId: holder.caseId,
        meetingId: holder.meetingId,
        participantId: holder.participantId,
        text: input.text,
        wellbeing: input.wellbeing ?? null,
      });
      return { result: toOwnAssessment(row), audit: { entityId: row.id } };
    });
  }

  /** The citizen's own access log (domain: the citizen can see who looked at their data). */
  /**
   * The meeting's notes as text, also once it is held (read-only then): the doctor and the citizen, another
   * guest only where the organiser shares them (else 404). Health content: behind the e-mail code.
   */
  async meetingNotes(req: GuestRequest): Promise<MeetingNotes> {
    const { actor, holder } = await this.open(req, true);
    return this.notes.read(actor, holder.meetingId);
  }

  async accessLog(req: GuestRequest, q: AccessLogQuery): Promise<AccessLog> {
    const { actor, holder } = await this.open(req, true);
    if (holder.kind !== 'citizen') throw onlyCitizen();
    const grant = await this.access.require(actor, Permission.GuestAccessLogRead, holder.meetingId);
    return this.accessLogs.page(grant.citizenId, q);
  }
}
