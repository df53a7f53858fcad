import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TextColumn, TimestampColumn, UuidColumn } from '../common/database/columns';

/** A citizen's request for an effort or a conversation; it must get a written, reasoned decision in time. */
@Entity('citizen_request')
export class CitizenRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_citizen_request_case') @UuidColumn() caseId: string;
  @TextColumn() kind: 'effort' | 'conversation';
  @TextColumn() description: string;
  @TimestampColumn() receivedAt: Date;
  @DateColumn() decisionDue: string;
  @TextColumn({ nullable: true }) decision: 'granted' | 'refused' | null;
  @TextColumn({ nullable: true }) decisionReason: string | null;
  @TimestampColumn({ nullable: true }) decidedAt: Date | null;
  @UuidColumn({ nullable: true }) decidedById: string | null;
  @TextColumn({ nullable: true }) decidedByName: string | null;
  @UuidColumn() recordedById: string;
}
