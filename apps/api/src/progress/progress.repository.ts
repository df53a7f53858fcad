import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';
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
}
