import { Entity, type Relation } from 'typeorm';
import { CreatedAtColumn, ForeignKey, UuidColumn } from '../common/database/columns';
import { StaffEntity } from '../people/staff.entity';
import { HealthStatementEntity } from './health-statement.entity';

/**
 * A health statement read by the case's responsible person: until then it is on their worklist
 * ("Ny helbredsudtalelse"). One row per statement, kept when the case changes hands.
 */
@Entity('health_statement_read')
export class HealthStatementReadEntity {
  @UuidColumn({ primary: true }) statementId: string;
  @ForeignKey(() => HealthStatementEntity, {
    onDelete: 'CASCADE',
    oneToOne: true,
    constraint: 'FK_health_statement_read_statement',
  })
  statement: Relation<HealthStatementEntity>;
  @UuidColumn() readById: string;
  @ForeignKey(() => StaffEntity, { onDelete: 'CASCADE', constraint: 'FK_health_statement_read_staff' })
  readBy: Relation<StaffEntity>;
  @CreatedAtColumn() readAt: Date;
}
