import { Injectable } from '@nestjs/common';
import {
  type CloseOutcome,
  indicatorKeys,
  type OutcomeCount,
  type OutcomeQuery,
  type Outcomes,
  type OutcomeTrend,
  outcomeTrends,
} from '@tvaers/contracts';
import {
  caseWindow,
  closuresByQuarter,
  contactIntervalKept,
  endOfLocalDate,
  localDate,
  ratingTrend,
  startOfLocalDate,
  trendWindowStart,
} from '@tvaers/domain';
import { AccessService } from '../access/access.service';
import { health, seesHealth } from '../access/grant';
import { Permission } from '../access/permission';
import { hasRole, type StaffActor } from '../common/auth/actor';
import { csvFile, type CsvFile } from '../common/csv/csv';
import { forbidden, notFound } from '../common/problem/problem';
import { OutcomesRepository } from './outcomes.repository';

const count = (caseIds: string[]): OutcomeCount => ({ count: caseIds.length, caseIds: [...caseIds].sort() });

/**
 * A team's outcome figures for its manager. The arithmetic is in libs/domain/outcomes.ts;
 * here: who may ask, which cases count, and the health rule (the health indicator counts only for citizens
 * whose health data the manager may see).
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly repo: OutcomesRepository,
    private readonly access: AccessService,
  ) {}

  async figures(actor: StaffActor, q: OutcomeQuery, now = new Date()): Promise<Outcomes> {
    if (!hasRole(actor, 'manager')) throw forbidden('Only managers read outcome figures.');
    const teams = await this.repo.teams(actor.teamIds);
    const teamId = q.teamId ?? teams[0]?.id;
    if (!teamId || !actor.teamIds.includes(teamId)) throw notFound('Team');
    const period = { start: startOfLocalDate(q.from), end: endOfLocalDate(q.to) };
    const cases = await this.access.list(
      actor,
      Permission.OutcomesRead,
      (scope) => this.repo.cases(scope, teamId, period.start, period.end),
      (k) => ({ citizenId: k.citizenId, entityId: k.id }),
    );
    const ids = cases.map((k) => k.id);

    // Progress: the six months ending at the period's end, or now when that is still to come.
    const trendEnd = new Date(Math.min(period.end.getTime(), now.getTime()));
    const scores = groupBy(await this.repo.scores(ids, trendEnd), (s) => s.caseId);
    const trends = { citizen: emptyTrends(), caseworker: emptyTrends() };
    const healthLeftOut: string[] = [];
    for (const k of cases) {
      const grant = { citizenId: k.citizenId, caseId: k.id, seesHealth: seesHealth(actor, k.healthConsent) };
      const keys = health.indicatorKeys(grant, indicatorKeys);
      if (keys.length !== indicatorKeys.length) healthLeftOut.push(k.id);
      const own = (scores.get(k.id) ?? []).filter((s) => keys.includes(s.key));
      for (const rater of ['citizen', 'caseworker'] as const) {
        const trend = ratingTrend(
          own.filter((s) => s.ratedBy === rater),
          trendEnd,
        );
        trends[rater][trend].push(k.id);
      }
    }

    const closures = cases
      .filter((k) => k.closedAt && k.closedAt >= period.start && k.closedAt < period.end)
      .map((k) => ({ caseId: k.id, outcome: k.closeOutcome ?? 'other', openedAt: k.openedAt, closedAt: k.closedAt! }));

    const held = groupBy(await this.repo.heldMeetings(ids), (m) => m.caseId);
    const contact = { kept: [] as string[], notKept: [] as string[], noPlan: [] as string[] };
    for (const k of cases) {
      if (k.intervalDays === null) {
        contact.noPlan.push(k.id);
        continue;
      }
      const window = caseWindow(period, k, now);
      const kept = contactIntervalKept(
        k.intervalDays,
        window,
        (held.get(k.id) ?? []).map((m) => m.at),
      );
      if (kept !== null) contact[kept ? 'kept' : 'notKept'].push(k.id);
    }
    const withPlan = contact.kept.length + contact.notKept.length;

    return {
      teamId,
      teams,
      from: q.from,
      to: q.to,
      cases: cases.length,
      progress: {
        windowFrom: localDate(trendWindowStart(trendEnd)),
        windowTo: localDate(new Date(trendEnd.getTime() - 1)),
        citizen: toCounts(trends.citizen),
        caseworker: toCounts(trends.caseworker),
        healthLeftOut: count(healthLeftOut),
      },
      closures: { total: closures.length, rows: closuresByQuarter(closures) },
      contact: {
        withPlan,
        kept: count(contact.kept),
        notKept: count(contact.notKept),
        noPlan: count(contact.noPlan),
        share: withPlan === 0 ? null : contact.kept.length / withPlan,
      },
    };
  }

  // The outcome page's tables as CSV, in its columns: the figures' own query, access check and access-log rows.

  async progressCsv(actor: StaffActor, q: OutcomeQuery): Promise<CsvFile> {
    const o = await this.figures(actor, q);
    return csvFile(['progression', o.from, o.to], outcomeTrends, {
      Udvikling: (k) => trendLabel[k],
      'Borgerens vurdering': (k) => o.progress.citizen[k].count,
      'Sagsbehandlerens vurdering': (k) => o.progress.caseworker[k].count,
    });
  }

  async closuresCsv(actor: StaffActor, q: OutcomeQuery): Promise<CsvFile> {
    const o = await this.figures(actor, q);
    return csvFile(['afsluttede-sager', o.from, o.to], o.closures.rows, {
      Kvartal: (r) => r.quarter.replace('-Q', ' K'),
      Udfald: (r) => closeOutcomeLabel[r.outcome],
      'Antal sager': (r) => r.count,
      'Median dage fra start': (r) => r.medianDays,
    });
  }

  async contactCsv(actor: StaffActor, q: OutcomeQuery): Promise<CsvFile> {
    const o = await this.figures(actor, q);
    return csvFile(['kontaktplan', o.from, o.to], ['kept', 'notKept', 'noPlan'] as const, {
      Kontaktplan: (k) => contactLabel[k],
      'Antal borgere': (k) => o.contact[k].count,
    });
  }
}

const trendLabel: Record<OutcomeTrend, string> = {
  rose: 'Steget',
  held: 'Uændret',
  fell: 'Faldet',
  unknown: 'Kan ikke vurderes',
};
const closeOutcomeLabel: Record<CloseOutcome, string> = {
  job: 'Job',
  education: 'Uddannelse',
  flexjob: 'Fleksjob',
  other: 'Andet',
};
const contactLabel = { kept: 'Overholdt', notKept: 'Ikke overholdt', noPlan: 'Ingen kontaktplan' };

const emptyTrends = (): Record<OutcomeTrend, string[]> => ({ rose: [], held: [], fell: [], unknown: [] });
const toCounts = (t: Record<OutcomeTrend, string[]>) =>
  Object.fromEntries(outcomeTrends.map((k) => [k, count(t[k])])) as Record<OutcomeTrend, OutcomeCount>;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
