import { Injectable } from '@nestjs/common';
import { isoDate, uuid, type Worklist, WorklistItem, type WorklistQuery } from '@tvaers/contracts';
import {
  classifyDue,
  clarificationGuaranteeDue,
  compareWorklistKeys,
  endOfLocalDate,
  healthStatementReadDue,
  localDate,
  nextPlanReviewDue,
  type WorklistKey,
} from '@tvaers/domain';
import { z } from 'zod';
import { AccessService } from '../access/access.service';
import { seesHealth } from '../access/grant';
import type { ListScope } from '../access/list-scope';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { decodeCursor, pageFrom, pageSize } from '../common/database/keyset';
import { WorklistRepository } from './worklist.repository';

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

/** The legal deadlines the system carries, derived from the cases in reach: reviews, guarantees, decisions. */
@Injectable()
export class WorklistService {
  constructor(
    private readonly repo: WorklistRepository,
    private readonly access: AccessService,
  ) {}

  /**
   * What is due soon or overdue, for my cases or my teams', one page at a time (`total`: the whole list). The items
   * are derived from every case in reach; only the page's citizens get their access-log row.
   */
  async list(actor: StaffActor, q: WorklistQuery, now = new Date()): Promise<Worklist> {
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
    for (const h of await this.repo.unreadHealthStatements(ids)) {
      const hidden = !seesHealth(actor, h.healthConsent);
      add('health_statement_received', byId.get(h.caseId)!, healthStatementReadDue(h.receivedAt), h.id, hidden);
    }
    return items.sort((a, b) => compareWorklistKeys(worklistKey(a), worklistKey(b)));
  }
}
