import type { ConsentScope } from '@tvaers/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CitizenEntity } from './citizen.entity';

/** What the citizen agreed to share; withdrawal keeps the record of when it was given. */
@Entity('consent')
export class ConsentEntity {
  @PrimaryColumn('uuid', { name: 'citizen_id' })
  citizenId: string;

  @PrimaryColumn('text')
  scope: ConsentScope;

  @ManyToOne(() => CitizenEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'citizen_id' })
  citizen: Relation<CitizenEntity>;

  @Column('boolean')
  given: boolean;

  @Column('timestamptz', { name: 'given_at', nullable: true })
  givenAt: Date | null;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @Column('uuid', { name: 'recorded_by_id' })
  recordedById: string;

  @Column('text', { name: 'recorded_by_name' })
  recordedByName: string;

  @Column('text', { nullable: true })
  note: string | null;
}
