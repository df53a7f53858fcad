import type { IndicatorKey } from '@tvaers/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('indicator_score')
@Index('IDX_indicator_case_at', ['caseId', 'at'])
export class IndicatorScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text')
  key: IndicatorKey;

  @Column('text', { name: 'rated_by' })
  ratedBy: 'citizen' | 'caseworker';

  @Column('smallint')
  score: number;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { name: 'recorded_by_id' })
  recordedById: string;

  @Column('text', { nullable: true })
  note: string | null;
}
