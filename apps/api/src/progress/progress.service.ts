import { Injectable } from '@nestjs/common';
import { type IndicatorKey, type Indicators, indicatorKeys, type ScoreIndicators } from '@tvaers/contracts';
import { indicatorTrend } from '@tvaers/domain';
import { AccessService } from '../access/access.service';
import { health } from '../access/grant';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { ProgressRepository } from './progress.repository';

/** Progress toward work or education: indicators scored over time by the citizen and the caseworker. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly repo: ProgressRepository,
    private readonly access: AccessService,
  ) {}

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

  /** Retention, in the caller's transaction (a system change: no actor, no access-log row of its own). */
  anonymiseCitizens(citizenIds: string[]): Promise<void> {
    return this.repo.anonymiseCitizens(citizenIds);
  }
}
