import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A decided period without activity requirements (at most 6 months per decision). */
@Entity('exemption')
export class ExemptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_exemption_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('date', { name: 'start_date' })
  startDate: string;

  @Column('date', { name: 'end_date' })
  endDate: string;

  @Column('text')
  reason: string;

  @Column('uuid', { name: 'decided_by_id' })
  decidedById: string;

  @Column('text', { name: 'decided_by_name' })
  decidedByName: string;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
