import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Append-only history: who changed what in which plan version. */
@Entity('plan_version')
export class PlanVersionEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { name: 'by_id', nullable: true })
  byId: string | null;

  @Column('text', { name: 'by_name', nullable: true })
  byName: string | null;

  @Column('jsonb')
  changes: FieldChange[];
}
