import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import {
  BigIntColumn,
  BytesColumn,
  CreatedAtColumn,
  ForeignKey,
  IntegerColumn,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '../common/database/columns';
import { MeetingEntity } from '../meetings/meeting.entity';

/**
 * A meeting's shared notes: a merged snapshot of the Yjs document (its `notes` Y.Text) up to `snapshotSeq`,
 * and the head of its history. Writers lock this row, so one meeting's updates are appended one at a time.
 */
@Entity('meeting_notes')
export class MeetingNotesEntity {
  @UuidColumn({ primary: true }) meetingId: string;
  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE', oneToOne: true }) meeting: Relation<MeetingEntity>;
  /** The merged document as of `snapshotSeq` (compacted now and then, not on every write). */
  @BytesColumn() state: Buffer;
  @BigIntColumn({ default: 0 }) snapshotSeq: string;
  /** The newest update of the history (`meeting_notes_update.seq`). */
  @BigIntColumn({ default: 0 }) headSeq: string;
  /** Bytes of the updates after the snapshot: with the snapshot's length, an upper bound of the document's size. */
  @BigIntColumn({ default: 0 }) pendingBytes: string;
  @IntegerColumn({ default: 0 }) pendingCount: number;
  @UpdatedAtColumn() updatedAt: Date;
}

/**
 * Every accepted update of a meeting's notes, append-only: who sent it, the Yjs client ids whose text it
 * created (their text is that author's), and the update itself, so any earlier text can be restored.
 */
@Entity('meeting_notes_update')
@Index('IDX_meeting_notes_update_meeting_seq', ['meetingId', 'seq'])
export class MeetingNotesUpdateEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) seq: string;
  @UuidColumn() meetingId: string;
  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE' }) meeting: Relation<MeetingEntity>;
  /** `staff`, `guest` (a link's participant) or `system` (notes kept from before the history). */
  @TextColumn() authorKind: 'staff' | 'guest' | 'system';
  @UuidColumn({ nullable: true }) authorId: string | null;
  @TextColumn() authorName: string;
  @BigIntColumn({ array: true, default: () => "'{}'" }) clientIds: string[];
  @BytesColumn() update: Buffer;
  @CreatedAtColumn() at: Date;
}

/** Here rather than in the module, so the entity list (CLI, test setup) does not load Yjs. */
export const meetingNotesEntities = [MeetingNotesEntity, MeetingNotesUpdateEntity];
