import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateColumn, TextColumn, UuidColumn } from '../common/database/columns';

/** A decided period without activity requirements (at most 6 months per decision). */
@Entity('exemption')
export class ExemptionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_exemption_case') @UuidColumn() caseId: string;
  @DateColumn() startDate: string;
  @DateColumn() endDate: string;
  @TextColumn() reason: string;
  @UuidColumn() decidedById: string;
  @TextColumn() decidedByName: string;
  @CreatedAtColumn() decidedAt: Date;
}
