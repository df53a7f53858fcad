import type { IndicatorKey } from '@tvaers/contracts';
import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SmallIntColumn, TextColumn, TimestampColumn, UuidColumn } from '../common/database/columns';

@Entity('indicator_score')
@Index('IDX_indicator_case_at', ['caseId', 'at'])
export class IndicatorScoreEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @UuidColumn() caseId: string;
  @TextColumn() key: IndicatorKey;
  @TextColumn() ratedBy: 'citizen' | 'caseworker';
  @SmallIntColumn() score: number;
  @TimestampColumn() at: Date;
  @UuidColumn() recordedById: string;
  @TextColumn({ nullable: true }) note: string | null;
}
