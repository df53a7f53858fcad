import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StaffEntity } from '../people/staff.entity';

/** A staff login. The id is the SHA-256 of the cookie's token, so a database leak reveals no live cookie. */
@Entity('session')
export class SessionEntity {
  @PrimaryColumn('text')
  id: string;

  @Index('IDX_session_staff')
  @Column('uuid', { name: 'staff_id' })
  staffId: string;

  @ManyToOne(() => StaffEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff: Relation<StaffEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
