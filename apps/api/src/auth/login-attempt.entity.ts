import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, kept in the database so the limit holds across API processes. */
@Entity('login_attempt')
@Index('IDX_login_attempt_email_at', ['email', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('text')
  email: string;

  @Column('timestamptz')
  at: Date;
}
