import { Entity, Index, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, ForeignKey, TextColumn, TimestampColumn, UuidColumn } from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';

/** Time a staff member is away (leave, course, illness): not free for meetings. */
@Entity('absence')
@Index('IDX_absence_staff_time', ['staffId', 'startAt', 'endAt'])
export class AbsenceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @UuidColumn() staffId: string;
  @ForeignKey(() => StaffEntity, { onDelete: 'CASCADE' }) staff: Relation<StaffEntity>;
  @TimestampColumn() startAt: Date;
  @TimestampColumn() endAt: Date;
  @TextColumn({ nullable: true }) reason: string | null;
  @UuidColumn() createdById: string;
  @CreatedAtColumn() createdAt: Date;
}
