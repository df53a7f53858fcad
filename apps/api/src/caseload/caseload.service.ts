import { Injectable } from '@nestjs/common';
import { benefitNamesDa, benefits, disciplineNamesDa } from '@tvaers/contracts';
import type {
  AssignmentSuggestion,
  Benefit,
  BenefitWeightList,
  Caseload,
  CaseloadFigures,
  CaseloadOverride,
  CaseloadRow,
  CaseloadStatus,
  QueuedCase,
  SetBenefitWeights,
  SetTeamCaseload,
  TeamCaseloadSettings,
} from '@tvaers/contracts';
import {
  capacityForecast,
  caseloadStatus,
  caseworkerChanges,
  ceilingSteps,
  compareDanish,
  effectiveCeiling,
  hasRoom,
  loadHistory,
  localDate,
  takesCasesOf,
  toLocal,
  utilization,
  worstFirst,
  type CeilingHistory,
} from '@tvaers/domain';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { csvFile, type CsvColumns, type CsvFile } from '../common/csv/csv';
import { type DomainEvent, DomainEvents } from '../common/events/domain-events';
import { notFound, validationFailed } from '../common/problem/problem';
import { PeopleService } from '../people/people.service';
import { CaseloadRepository, type StaffLoadRow } from './caseload.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
const statusLabel: Record<CaseloadStatus, string> = { ok: 'Under loftet', near: 'Tæt på loftet', over: 'Over loftet' };
/** What an override let through, by the access log's action. */
const changeLabel: Partial<Record<string, string>> = {
  'case.create': 'Ny sag',
  'case.update': 'Genåbnet eller ændret sag',
  'case.assign': 'Tildelt sag',
};
const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

function toRow(s: StaffLoadRow): CaseloadRow {
  const load = Number(s.load);
  const personal = num(s.personal);
  const ceiling = effectiveCeiling({
    person: personal,
    teams: (s.teams ?? []).map((t) => ({ ceiling: num(t.ceiling), targetGroupCeiling: num(t.targetGroupCeiling) })),
  });
  return {
    staffId: s.id,
    name: s.name,
    discipline: s.discipline,
    activeCases: s.active_cases,
    load,
    ceiling,
    personalCeiling: personal,
    utilization: utilization(load, ceiling),
    status: caseloadStatus(load, ceiling),
  };
}

/** Loads against ceilings (libs/domain does the arithmetic), the intake queue and the figures built on them. */
@Injectable()
export class CaseloadService {
  constructor(
    private readonly repo: CaseloadRepository,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
    private readonly people: PeopleService,
  ) {}

  /** A team's rows, unchecked: for pushes to its managers, who were checked when their socket joined. */
  async teamRows(teamId: string): Promise<CaseloadRow[]> {
    return (await this.repo.teamLoads(teamId)).map(toRow);
  }

  /** One person's effective ceiling (null: none). */
  async ceilingOf(staffId: string): Promise<number | null> {
    const [row] = await this.repo.staffLoads([staffId]);
    return row ? toRow(row).ceiling : null;
  }

  /** The default weight of a new case of this citizen: the benefit's configured weight, else 1. */
  async defaultWeight(citizenId: string): Promise<number> {
    return (await this.repo.benefitWeight(citizenId)) ?? 1;
  }

  private async teamSettings(teamId: string): Promise<TeamCaseloadSettings> {
    const team = await this.repo.team(teamId);
    if (!team) throw notFound('Team');
    return {
      name: team.name,
      ceiling: num(team.caseload_ceiling),
      targetGroup: team.group_id
        ? {
            id: team.group_id,
            name: team.group_name!,
            rangeMin: Number(team.range_min),
            rangeMax: Number(team.range_max),
            defaultCeiling: Number(team.default_ceiling),
          }
        : null,
    };
  }

  /** A manager sets the team's target group and own default ceiling; its managers see the new ceilings live. */
  async setTeam(actor: StaffActor, teamId: string, input: SetTeamCaseload): Promise<TeamCaseloadSettings> {
    await this.access.require(actor, Permission.CaseloadTeamWrite, teamId);
    await this.people.setTeamCaseload(teamId, input.targetGroupId, input.ceiling).catch((err: unknown) => {
      if ((err as { code?: string }).code === '23503') {
        throw validationFailed([{ path: 'targetGroupId', message: 'unknown target group' }]);
      }
      throw err;
    });
    await this.ceilingsChanged([], [teamId]);
    return this.teamSettings(teamId);
  }

  async get(actor: StaffActor, teamId: string): Promise<Caseload> {
    await this.access.require(actor, Permission.CaseloadRead, teamId);
    const [team, rows, queue, overrides] = await Promise.all([
      this.teamSettings(teamId),
      this.teamRows(teamId),
      this.queue(actor, teamId),
      this.overrides(actor, teamId),
    ]);
    return { teamId, team, rows, queue, overrides };
  }

  /** The intake queue, oldest first. It names citizens: one access-log row each, as any list does. */
  private async queue(actor: StaffActor, teamId: string): Promise<QueuedCase[]> {
    const queued = await this.repo.queue(teamId);
    const shown = await this.access.list(
      actor,
      Permission.CaseloadQueueList,
      () => Promise.resolve(queued),
      (q) => ({ citizenId: q.citizen_id, entityId: q.id }),
    );
    const now = Date.now();
    return shown.map((q) => ({
      caseId: q.id,
      citizenId: q.citizen_id,
      citizenName: q.citizen_name,
      benefit: q.benefit,
      weight: Number(q.weight),
      waitingSince: q.waiting_since.toISOString(),
      waitingDays: Math.floor((now - q.waiting_since.getTime()) / DAY_MS),
    }));
  }

  /** Cases let past a ceiling by a manager in the last 90 days, newest first. They name citizens: audited as a list. */
  private async overrides(actor: StaffActor, teamId: string): Promise<CaseloadOverride[]> {
    const overrides = await this.access.list(
      actor,
      Permission.CaseloadOverridesList,
      () => this.repo.overrides(teamId, new Date(Date.now() - 90 * DAY_MS)),
      (o) => ({ citizenId: o.citizen_id, entityId: o.entity_id }),
    );
    return overrides.map((o) => ({
      at: o.at.toISOString(),
      caseId: o.entity_id,
      citizenName: o.citizen_name,
      byName: o.actor_name,
      reason: o.purpose ?? '',
      change: o.details?.change ?? '',
      staffId: o.to_staff_id,
      citizenId: o.citizen_id,
      fromStaffId: o.from_staff_id,
      fromName: o.from_name,
      toName: o.to_name,
    }));
  }

  // The dashboard's and the queue page's tables as CSV, in the page's columns: each from its JSON route's own
  // query, with the same access check and access-log rows.

  loadCsv(actor: StaffActor, teamId: string): Promise<CsvFile> {
    // In the dashboard's order.
    return this.teamCsv(actor, teamId, 'belastning', async () => worstFirst(await this.teamRows(teamId)), {
      Medarbejder: (r) => r.name,
      Faglighed: (r) => disciplineNamesDa[r.discipline],
      'Aktive sager': (r) => r.activeCases,
      Belastning: (r) => r.load,
      Loft: (r) => r.ceiling,
      'Eget loft': (r) => r.personalCeiling,
      'Udnyttelse (%)': (r) => (r.utilization === null ? null : Math.round(r.utilization * 100)),
      // Without a ceiling there is nothing to be under or over.
      Status: (r) => (r.ceiling === null ? 'Intet loft' : statusLabel[r.status]),
    });
  }

  overridesCsv(actor: StaffActor, teamId: string): Promise<CsvFile> {
    return this.teamCsv(actor, teamId, 'overskridelser', () => this.overrides(actor, teamId), {
      Tidspunkt: (o) => toLocal(o.at).toFormat('yyyy-MM-dd HH:mm'),
      Borger: (o) => o.citizenName,
      Ændring: (o) => changeLabel[o.change] ?? o.change,
      Fra: (o) => o.fromName ?? 'Ingen (ny sag eller fra visiteringen)',
      Til: (o) => o.toName,
      'Godkendt af': (o) => o.byName,
      Begrundelse: (o) => o.reason,
    });
  }

  queueCsv(actor: StaffActor, teamId: string): Promise<CsvFile> {
    return this.teamCsv(actor, teamId, 'visitering', () => this.queue(actor, teamId), {
      Borger: (q) => q.citizenName,
      Ydelse: (q) => benefitNamesDa[q.benefit as Benefit] ?? q.benefit,
      Vægt: (q) => q.weight,
      'Venter siden': (q) => localDate(q.waitingSince),
      Dage: (q) => q.waitingDays,
    });
  }

  async daysOverCeilingCsv(actor: StaffActor, teamId: string): Promise<CsvFile> {
    const figures = await this.figures(actor, teamId);
    const team = await this.teamSettings(teamId);
    return csvFile(['dage-over-loft', team.name], figures.daysOverCeiling, {
      Medarbejder: (d) => d.name,
      'Dage over loftet': (d) => d.days,
    });
  }

  /** A table of the team's as CSV under the team's name, after the dashboard's own access check. */
  private async teamCsv<Row>(
    actor: StaffActor,
    teamId: string,
    name: string,
    rows: () => Promise<readonly Row[]>,
    columns: CsvColumns<Row>,
  ): Promise<CsvFile> {
    await this.access.require(actor, Permission.CaseloadRead, teamId);
    const [team, read] = await Promise.all([this.teamSettings(teamId), rows()]);
    return csvFile([name, team.name], read, columns);
  }

  /** A manager sets (or clears) a colleague's own ceiling; the teams' managers see it live. */
  async setCeiling(actor: StaffActor, staffId: string, ceiling: number | null): Promise<CaseloadRow> {
    await this.access.require(actor, Permission.CaseloadCeilingWrite, staffId);
    await this.people.setPersonalCeiling(staffId, ceiling);
    await this.ceilingsChanged([staffId]);
    const [row] = await this.repo.staffLoads([staffId]);
    if (!row) throw notFound('Staff member');
    return toRow(row);
  }

  /**
   * Colleagues in the team with room for cases of `weight` (summed, for several): same discipline first, then who
   * already knows the citizen (one of them), then lowest utilisation (no ceiling counts as empty), then name.
   * Health staff are room for health cases only.
   */
  async suggestions(q: {
    teamId: string;
    citizenIds: string[];
    weight: number;
    discipline: string | null;
    only?: 'sameDiscipline';
    exceptStaffIds?: (string | null)[];
  }): Promise<AssignmentSuggestion[]> {
    const [rows, knowing] = await Promise.all([this.teamRows(q.teamId), this.repo.knowingCitizens(q.citizenIds)]);
    const same = (r: { discipline: string }) => (q.discipline === null || r.discipline === q.discipline ? 0 : 1);
    return rows
      .filter((r) => !q.exceptStaffIds?.includes(r.staffId) && hasRoom(r.load, r.ceiling, q.weight))
      .filter((r) => takesCasesOf(r.discipline, q.discipline))
      .filter((r) => q.only !== 'sameDiscipline' || same(r) === 0)
      .map((r) => ({
        staffId: r.staffId,
        name: r.name,
        discipline: r.discipline,
        load: r.load,
        ceiling: r.ceiling,
        utilization: r.utilization,
        knowsCitizen: knowing.has(r.staffId),
      }))
      .sort(
        (a, b) =>
          same(a) - same(b) ||
          Number(b.knowsCitizen) - Number(a.knowsCitizen) ||
          (a.utilization ?? 0) - (b.utilization ?? 0) ||
          compareDanish(a.name, b.name),
      );
  }

  /**
   * The news for the managers of every team of these people (and of these teams) that loads changed: a change
   * returns it (access.change), so it goes out once the change has committed.
   */
  async loadsChanged(staffIds: (string | null | undefined)[], teamIds: string[] = []): Promise<DomainEvent[]> {
    const ids = staffIds.filter((s): s is string => !!s);
    const teams = new Set([...teamIds, ...(ids.length ? await this.repo.teamsOf(ids) : [])]);
    return [...teams].map((teamId) => ['caseload.changed', { teamId }] as const);
  }

  /** A ceiling set outside a citizen's change (no transaction to wait for): its managers hear it at once. */
  private async ceilingsChanged(staffIds: string[], teamIds: string[] = []): Promise<void> {
    this.events.emitAll(await this.loadsChanged(staffIds, teamIds));
  }

  async figures(actor: StaffActor, teamId: string): Promise<CaseloadFigures> {
    await this.access.require(actor, Permission.CaseloadRead, teamId);
    const now = new Date();
    const [rows, queue, citizenEvents, flows] = await Promise.all([
      this.teamRows(teamId),
      this.repo.queue(teamId),
      this.repo.eventsOfTeamCitizens(teamId),
      this.repo.flows(teamId, new Date(now.getTime() - 8 * 7 * DAY_MS)),
    ]);
    const staffIds = rows.map((r) => r.staffId);
    const [staffEvents, ceilings] = rows.length
      ? await Promise.all([this.repo.eventsOfStaff(staffIds), this.repo.ceilingHistories(staffIds)])
      : [[], new Map<string, CeilingHistory>()];
    const history = rows.map((r) => {
      const steps = ceilingSteps(ceilings.get(r.staffId) ?? { person: [], teams: [], targetGroups: {} });
      return { staffId: r.staffId, days: loadHistory(r.staffId, staffEvents, steps, now) };
    });
    // The team's room for new (employment) cases: health staff are counted by their own discipline, not in it.
    const room = rows.filter((r) => takesCasesOf(r.discipline, null));
    const load = room.reduce((a, r) => a + Math.round(r.load * 100), 0) / 100;
    const withCeiling = room.filter((r) => r.ceiling !== null);
    const capacity = withCeiling.length
      ? withCeiling.reduce((a, r) => a + Math.round(r.ceiling! * 100), 0) / 100
      : null;
    const forecast = capacityForecast({ capacity, load, ...flows, now });
    const continuity = caseworkerChanges(citizenEvents, now);
    return {
      teamId,
      capacity,
      load,
      utilization: utilization(load, capacity),
      queueLength: queue.length,
      oldestWaitDays: queue.length ? Math.floor((now.getTime() - queue[0].waiting_since.getTime()) / DAY_MS) : null,
      daysOverCeiling: rows.map((r, i) => ({
        staffId: r.staffId,
        name: r.name,
        days: history[i].days.filter((d) => d.over).length,
      })),
      history,
      continuity: { citizens: continuity.citizens, changes: continuity.changes, perCitizen: continuity.perCitizen },
      forecast: {
        intakePerWeek: forecast.intakePerWeek,
        closuresPerWeek: forecast.closuresPerWeek,
        runsOutAt: forecast.runsOutAt?.toISOString() ?? null,
        full: forecast.full,
      },
    };
  }

  private async benefitWeightList(): Promise<BenefitWeightList> {
    const configured = await this.repo.benefitWeights();
    return { items: benefits.map((benefit) => ({ benefit, weight: configured.get(benefit) ?? 1 })) };
  }

  /** Every benefit with the weight a new case of it gets (managers; the setting is the unit's). */
  async benefitWeights(actor: StaffActor): Promise<BenefitWeightList> {
    await this.access.require(actor, Permission.CaseloadBenefitWeightsRead, '');
    return this.benefitWeightList();
  }

  /** A manager sets default weights; cases that exist keep theirs. Logged with each change (from, to). */
  async setBenefitWeights(actor: StaffActor, input: SetBenefitWeights): Promise<BenefitWeightList> {
    return this.access.adminChange(actor, Permission.CaseloadBenefitWeightsWrite, async () => {
      const before = await this.repo.benefitWeights();
      await this.repo.setBenefitWeights(input.weights);
      const changes = input.weights
        .map((w) => ({ benefit: w.benefit, from: before.get(w.benefit) ?? 1, to: w.weight }))
        .filter((c) => c.from !== c.to);
      return { result: await this.benefitWeightList(), audit: { entityId: null, details: { changes } } };
    });
  }
}
