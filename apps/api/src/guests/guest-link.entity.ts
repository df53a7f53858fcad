import { Entity, Index, type Relation } from 'typeorm';
import {
  BytesColumn,
  CreatedAtColumn,
  ForeignKey,
  TextColumn,
  TimestampColumn,
  UuidColumn,
} from '../common/database/columns';
import { MeetingParticipantEntity } from '../meetings/meeting-participant.entity';

/**
 * A participant's current guest link. Lookups go by the SHA-256 of its token only; the token itself is kept
 * sealed (AES-256-GCM, a key derived from the configured one) so every mail can carry the same link again.
 * One row per participant: only an explicit replace makes a new one, revoking deletes it. It lasts until
 * 7 days after the meeting (see GuestsRepository.resolve), so moving the meeting moves its links' end too.
 * `copiedBy`: the staff member the link's URL was shown to (POST …/link); the link then shows no more than
 * that staff member's own view, and reads through it are logged with their name.
 */
@Entity('guest_link')
export class GuestLinkEntity {
  @UuidColumn({ primary: true }) participantId: string;
  @ForeignKey(() => MeetingParticipantEntity, { onDelete: 'CASCADE', oneToOne: true })
  participant: Relation<MeetingParticipantEntity>;

  @Index('IDX_guest_link_token_hash', { unique: true }) @BytesColumn() tokenHash: Buffer;
  @BytesColumn({ nullable: true }) tokenSealed: Buffer | null;
  @UuidColumn() createdBy: string;
  @TextColumn({ default: 'staff' }) createdByKind: 'staff' | 'system';
  @TextColumn({ nullable: true }) createdByName: string | null;
  @CreatedAtColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) mailedAt: Date | null;
  @UuidColumn({ nullable: true }) copiedBy: string | null;
  @TextColumn({ nullable: true }) copiedByName: string | null;
}
