import { Entity, Index, type Relation } from 'typeorm';
import {
  BytesColumn,
  CreatedAtColumn,
  ForeignKey,
  IntegerColumn,
  TimestampColumn,
  UuidColumn,
} from '../common/database/columns';
import { MeetingParticipantEntity } from '../meetings/meeting-participant.entity';

/**
 * The one-time code last sent to a participant's e-mail (GUEST_EMAIL_CODE): only its hash, until it expires,
 * is used or its tries run out. A new code replaces the old one.
 */
@Entity('guest_code')
export class GuestCodeEntity {
  @UuidColumn({ primary: true }) participantId: string;
  @ForeignKey(() => MeetingParticipantEntity, {
    onDelete: 'CASCADE',
    oneToOne: true,
    constraint: 'FK_guest_code_participant',
  })
  participant: Relation<MeetingParticipantEntity>;

  @BytesColumn() codeHash: Buffer;
  @TimestampColumn() expiresAt: Date;
  @IntegerColumn() attempts: number;
  @CreatedAtColumn() createdAt: Date;
}

/**
 * A browser that gave the right code: the hash of the secret in its cookie, bound to the link (its token's
 * hash) it was given on, so a replaced link or another meeting's link is not verified by it.
 */
@Entity('guest_verification')
export class GuestVerificationEntity {
  @BytesColumn({ primary: true }) tokenHash: Buffer;
  @Index('IDX_guest_verification_participant') @UuidColumn() participantId: string;
  @ForeignKey(() => MeetingParticipantEntity, { onDelete: 'CASCADE', constraint: 'FK_guest_verification_participant' })
  participant: Relation<MeetingParticipantEntity>;

  @BytesColumn() linkHash: Buffer;
  @Index('IDX_guest_verification_expires_at') @TimestampColumn() expiresAt: Date;
}
