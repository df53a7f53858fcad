import { Inject, Injectable } from '@nestjs/common';
import {
  type CitizenRequest,
  type CreateCitizenRequest,
  type CreateExemption,
  type DecideCitizenRequest,
  type Exemption,
  type IndicatorKey,
  type Indicators,
  indicatorKeys,
  isoDate,
  type ScoreIndicators,
  uuid,
  type Worklist,
  WorklistItem,
  type WorklistQuery,
} from '@tvaers/contracts';
import {
  classifyDue,
  clarificationGuaranteeDue,
  compareWorklistKeys,
  decisionDeadline,
  endOfLocalDate,
  exemptionPeriod,
  healthStatementReadDue,
  indicatorTrend,
  localDate,
  nextPlanReviewDue,
  type WorklistKey,
} from '@tvaers/domain';
import { z } from 'zod';
import { AccessService } from '../access/access.service';
import { health, staffSeesHealth } from '../access/grant';
import type { ListScope } from '../access/list-scope';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { decodeCursor, pageFrom, pageSize } from '../common/database/keyset';
import { notFound, validationFailed } from '../common/problem/problem';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { CitizenRequestEntity } from './citizen-request.entity';
import type { ExemptionEntity } from './exemption.entity';
import { FollowUpRepository } from './follow-up.repository';
import { exemptionRejected, requestAlreadyDecided } from './plans.errors';

function toRequest(r: CitizenRequestEntity): CitizenRequest {
  return {
    id: r.id,
    kind: r.kind,
    description: r.description,
    receivedAt: r.receivedAt.toISOString(),
    decisionDue: r.decisionDue,
    decision: r.decision,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedById ? { id: r.decidedById, name: r.decidedByName ?? '' } : null,
  };
}

function toExemption(e: ExemptionEntity): Exemption {
  return {
    id: e.id,
    startDate: e.startDate,
    endDate: e.endDate,
    reason: e.reason,
    decidedBy: { id: e.decidedById, name: e.decidedByName },
    decidedAt: e.decidedAt.toISOString(),
  };
}

/** Citizens' rights and the legal deadlines the system carries: requests, exemptions, progress, worklist. */
/** The case page section where each worklist item is handled, so its link opens there (web: CasePage). */
const sectionOf: Record<WorklistItem['kind'], string> = {
  plan_review: 'plan-review',
  clarification_guarantee: 'plan-review',
  request_decision: 'requests',
  exemption_end: 'plan',
  health_statement_received: 'health',
};

/** An item as derived: with its citizen (for the access log) and the row it comes from (request, exemption, statement). */
type DerivedItem = WorklistItem & { citizenId: string; ref: string };

/** The sort key in a worklist cursor, checked before use (a date that is a date, a case id that is a uuid). */
const WorklistCursorKey = z.tuple([isoDate, z.string().max(1000), uuid, WorklistItem.shape.kind, z.string().max(100)]);

const worklistKey = (i: DerivedItem): WorklistKey => [i.dueDate, i.citizenName, i.caseId, i.kind, i.ref];

@Injectable()
export class FollowUpService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: FollowUpRepository,
    private readonly access: AccessService,
  ) {}

  async listRequests(actor: StaffActor, caseId: string): Promise<CitizenRequest[]> {
    await this.access.require(actor, Permission.RequestsRead, caseId);
    return (await this.repo.listRequests(caseId)).map(toRequest);
  }

  async createRequest(actor: StaffActor, caseId: string, input: CreateCitizenRequest): Promise<CitizenRequest> {
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 60_000) {
      throw validationFailed([{ path: 'receivedAt', message: 'must not be in the future' }]);
    }
    const saved = await this.access.change(actor, Permission.RequestsWrite, caseId, async () => {
      const r = await this.repo.saveRequest({
        caseId,
        kind: input.kind,
        description: input.description,
        receivedAt,
        decisionDue: decisionDeadline(receivedAt, this.config.decisionDays).dueDate,
        recordedById: actor.id,
      });
      return { result: r, audit: { entityId: r.id } };
    });
    return toRequest(saved);
  }

  async decide(
    actor: StaffActor,
    caseId: string,
    requestId: string,
    input: DecideCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.access.change(actor, Permission.RequestsWrite, caseId, async () => {
      if (!(await this.repo.findRequest(caseId, requestId))) throw notFound('Request');
      const ok = await this.repo.decide(requestId, {
        decision: input.decision,
        decisionReason: input.reason,
        decidedAt: new Date(),
        decidedById: actor.id,
        decidedByName: actor.name,
      });
      if (!ok) throw requestAlreadyDecided();
      return {
        result: toRequest((await this.repo.findRequest(caseId, requestId))!),
        audit: { action: 'request.decide', entityId: requestId, details: { decision: input.decision } },
      };
    });
  }

  async listExemptions(actor: StaffActor, caseId: string): Promise<Exemption[]> {
    await this.access.require(actor, Permission.ExemptionsRead, caseId);
    return (await this.repo.listExemptions(caseId)).map(toExemption);
  }

  async createExemption(actor: StaffActor, caseId: string, input: CreateExemption): Promise<Exemption> {
    const check = exemptionPeriod(input.startDate, input.endDate);
    if (!check.ok) throw exemptionRejected(check.code, check.latestEndDate);
    const e = await this.access.change(actor, Permission.ExemptionsWrite, caseId, async () => {
      const saved = await this.repo.saveExemption({
        caseId,
        ...input,
        decidedById: actor.id,
        decidedByName: actor.name,
      });
      return { result: saved, audit: { entityId: saved.id, purpose: input.reason } };
    });
    return toExemption(e);
  }

  async scoreIndicators(actor: StaffActor, caseId: string, input: ScoreIndicators): Promise<Indicators> {
    const at = new Date();
    await this.access.change(actor, Permission.IndicatorsWrite, caseId, async (grant) => {
      const keys = Object.keys(input.scores) as IndicatorKey[];
      // A score the user could not see afterwards is refused, not stored out of sight.
      if (health.indicatorKeys(grant, keys).length !== keys.length) health.requireSees(grant, 'health');
      await this.repo.insertScores(
        Object.entries(input.scores).map(([key, score]) => ({
          caseId,
          key: key as IndicatorKey,
          ratedBy: input.ratedBy,
          score,
          at,
          recordedById: actor.id,
          note: input.note ?? null,
        })),
      );
      return { result: undefined, audit: { details: { ratedBy: input.ratedBy } } };
    });
    return this.indicators(actor, caseId);
  }

  /** Citizen's and caseworker's scores side by side, with a trend from the latest two ratings. */
  async indicators(actor: StaffActor, caseId: string): Promise<Indicators> {
    const grant = await this.access.require(actor, Permission.IndicatorsRead, caseId);
    const keys = health.indicatorKeys(grant, indicatorKeys);
    const rows = await this.repo.listScores(caseId);
    return {
      healthHidden: keys.length !== indicatorKeys.length,
      items: keys.map((key) => {
        const series = (by: 'citizen' | 'caseworker') =>
          rows
            .filter((r) => r.key === key && r.ratedBy === by)
            .map((r) => ({ at: r.at.toISOString(), score: r.score }));
        const citizen = series('citizen');
        const caseworker = series('caseworker');
        return { key, citizen, caseworker, trend: indicatorTrend(citizen, caseworker) };
      }),
    };
  }

  /**
   * What is due soon or overdue, for my cases or my teams', one page at a time (`total`: the whole list). The items
   * are derived from every case in reach; only the page's citizens get their access-log row.
   */
  async worklist(actor: StaffActor, q: WorklistQuery, now = new Date()): Promise<Worklist> {
    const size = pageSize(q.limit);
    const after = q.cursor ? decodeCursor(q.cursor, WorklistCursorKey) : undefined;
    const page = await this.access.page(
      actor,
      Permission.WorklistRead,
      { nextCursor: null, total: 0 },
      async (scope) => {
        const responsible = q.scope === 'mine' ? actor.id : (q.responsible ?? null);
        const all = (await this.worklistItems(actor, scope, responsible, now)).filter(
          (i) => q.includeOk === 'true' || i.status !== 'ok',
        );
        const next = after ? all.findIndex((i) => compareWorklistKeys(worklistKey(i), after) > 0) : 0;
        const from = next < 0 ? all.length : next;
        return { ...pageFrom(all.slice(from, from + size + 1), size, worklistKey), total: all.length };
      },
      (i) => ({ citizenId: i.citizenId, entityId: i.caseId }),
    );
    return { ...page, items: page.items.map(({ citizenId: _c, ref: _r, ...item }) => item) };
  }

  /** Every item of the cases in reach by the deadline rules, in the worklist's one order. */
  private async worklistItems(
    actor: StaffActor,
    scope: ListScope,
    responsible: string | null,
    now: Date,
  ): Promise<DerivedItem[]> {
    const rows = await this.repo.worklistCases(scope, responsible);
    const ids = rows.map((r) => r.case_id);
    const byId = new Map(rows.map((r) => [r.case_id, r]));
    const today = localDate(now);
    const items: DerivedItem[] = [];
    const add = (
      kind: WorklistItem['kind'],
      r: (typeof rows)[number],
      dueDate: string,
      ref: string,
      healthHidden?: boolean,
    ) => {
      const item: WorklistItem = {
        kind,
        caseId: r.case_id,
        citizenName: r.citizen_name,
        responsibleId: r.responsible_id,
        responsible: r.responsible_id && r.responsible_name ? { id: r.responsible_id, name: r.responsible_name } : null,
        dueDate,
        status: classifyDue(endOfLocalDate(dueDate), now),
        link: `/cases/${r.case_id}#${sectionOf[kind]}`,
        ...(healthHidden === undefined ? {} : { healthHidden }),
      };
      items.push({ ...item, citizenId: r.citizen_id, ref });
    };
    for (const r of rows) {
      add('plan_review', r, nextPlanReviewDue(r.reviewed_on), '');
      const guarantee = clarificationGuaranteeDue({
        benefit: r.benefit,
        benefitStart: r.benefit_start ?? undefined,
        lastAssessmentDate: r.assessed_on ?? undefined,
      });
      if (guarantee) add('clarification_guarantee', r, guarantee, '');
    }
    for (const q of await this.repo.openRequests(ids)) {
      add('request_decision', byId.get(q.caseId)!, q.decisionDue, q.id);
    }
    for (const e of await this.repo.currentExemptions(ids, today)) {
      add('exemption_end', byId.get(e.caseId)!, e.endDate, e.id);
    }
    // Until the responsible person has read it; the item names no content, and says when the caller may not read it.
    const seesHealth = staffSeesHealth(actor);
    for (const h of await this.repo.unreadHealthStatements(ids)) {
      const hidden = !seesHealth && !h.healthConsent;
      add('health_statement_received', byId.get(h.caseId)!, healthStatementReadDue(h.receivedAt), h.id, hidden);
    }
    return items.sort((a, b) => compareWorklistKeys(worklistKey(a), worklistKey(b)));
  }
}
