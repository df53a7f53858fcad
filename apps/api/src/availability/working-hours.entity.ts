import type { WeeklyHours } from '@tvaers/contracts';
import { Entity, type Relation } from 'typeorm';
import { ForeignKey, JsonColumn, UpdatedAtColumn, UuidColumn } from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';

/** A staff member's own week; without a row, Monday to Friday 08:00–16:00 applies. */
@Entity('working_hours')
export class WorkingHoursEntity {
  @UuidColumn({ primary: true }) staffId: string;
  @ForeignKey(() => StaffEntity, { onDelete: 'CASCADE', oneToOne: true }) staff: Relation<StaffEntity>;
  @JsonColumn() hours: WeeklyHours[];
  @UuidColumn() updatedById: string;
  @UpdatedAtColumn() updatedAt: Date;
}
