import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { CASES_OF_CITIZENS } from '../citizens/anonymised';
import { IndicatorScoreEntity } from './indicator-score.entity';

@Injectable()
export class ProgressRepository extends TransactionalRepository {
  private readonly scores = this.repository(IndicatorScoreEntity);

  async insertScores(rows: Partial<IndicatorScoreEntity>[]): Promise<void> {
    await this.scores().insert(rows);
  }

  listScores(caseId: string): Promise<IndicatorScoreEntity[]> {
    return this.scores().find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Retention: the scores' notes go; the scores stay (citizens anonymised in the caller's transaction). */
  async anonymiseCitizens(citizenIds: string[]): Promise<void> {
    const q = (sql: string) => this.em.query(sql, [citizenIds]);
    const cases = CASES_OF_CITIZENS;
    await q(`UPDATE indicator_score SET note = NULL WHERE case_id IN (${cases})`);
  }
}
