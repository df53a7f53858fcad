import { Entity, type Relation } from 'typeorm';
import { BytesColumn, ForeignKey, UpdatedAtColumn, UuidColumn } from '../common/database/columns';
import { MeetingEntity } from '../meetings/meeting.entity';

/** A meeting's shared notes: the Yjs document (its `notes` Y.Text) as one merged state. */
@Entity('meeting_notes')
export class MeetingNotesEntity {
  @UuidColumn({ primary: true }) meetingId: string;
  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE', oneToOne: true }) meeting: Relation<MeetingEntity>;
  @BytesColumn() state: Buffer;
  @UpdatedAtColumn() updatedAt: Date;
}

/** Here rather than in the module, so the entity list (CLI, test setup) does not load Yjs. */
export const meetingNotesEntities = [MeetingNotesEntity];
