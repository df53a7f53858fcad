import { Entity } from 'typeorm';
import { IntegerColumn, JsonColumn, TextColumn, TimestampColumn, UuidColumn } from '../common/database/columns';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Append-only history: who changed what in which plan version. */
@Entity('plan_version')
export class PlanVersionEntity {
  @UuidColumn({ primary: true }) caseId: string;
  @IntegerColumn({ primary: true }) version: number;
  @TimestampColumn() at: Date;
  @UuidColumn({ nullable: true }) byId: string | null;
  @TextColumn({ nullable: true }) byName: string | null;
  @JsonColumn() changes: FieldChange[];
}
