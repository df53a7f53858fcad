import type { ConsentScope } from '@tvaers/contracts';
import { Entity, type Relation } from 'typeorm';
import { BooleanColumn, ForeignKey, TextColumn, TimestampColumn, UuidColumn } from '../common/database/columns';
import { CitizenEntity } from './citizen.entity';

/** What the citizen agreed to share; withdrawal keeps the record of when it was given. */
@Entity('consent')
export class ConsentEntity {
  @UuidColumn({ primary: true }) citizenId: string;
  @TextColumn({ primary: true }) scope: ConsentScope;
  @ForeignKey(() => CitizenEntity, { onDelete: 'CASCADE' }) citizen: Relation<CitizenEntity>;
  @BooleanColumn() given: boolean;
  @TimestampColumn({ nullable: true }) givenAt: Date | null;
  @TimestampColumn({ nullable: true }) withdrawnAt: Date | null;
  @UuidColumn() recordedById: string;
  @TextColumn() recordedByName: string;
  @TextColumn({ nullable: true }) note: string | null;
}
