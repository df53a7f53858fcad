import { Entity, Index, type Relation } from 'typeorm';
import { BytesColumn, CreatedAtColumn, ForeignKey, UuidColumn } from '../common/database/columns';
import { MeetingParticipantEntity } from '../meetings/meeting-participant.entity';

/**
 * A participant's current guest link: only the SHA-256 of its token is kept, so a copy of the database opens
 * nothing. One row per participant: a new link replaces the old one, revoking deletes it. It lasts until
 * 7 days after the meeting (see GuestsRepository.resolve), so moving the meeting moves its links' end too.
 */
@Entity('guest_link')
export class GuestLinkEntity {
  @UuidColumn({ primary: true }) participantId: string;
  @ForeignKey(() => MeetingParticipantEntity, { onDelete: 'CASCADE', oneToOne: true })
  participant: Relation<MeetingParticipantEntity>;

  @Index('IDX_guest_link_token_hash', { unique: true }) @BytesColumn() tokenHash: Buffer;
  @UuidColumn() createdBy: string;
  @CreatedAtColumn() createdAt: Date;
}
