import { Entity } from 'typeorm';
import { NumericColumn, TextColumn } from '../common/database/columns';

/** A target group with the social workers' union's recommended caseload range (seeded by the migration). */
@Entity('caseload_target_group')
export class TargetGroupEntity {
  @TextColumn({ primary: true }) id: string;
  @TextColumn() name: string;
  @NumericColumn({ precision: 6, scale: 2 }) rangeMin: string;
  @NumericColumn({ precision: 6, scale: 2 }) rangeMax: string;
  /** The ceiling a team of this group gets unless it sets its own. */
  @NumericColumn({ precision: 6, scale: 2 }) defaultCeiling: string;
}

/** The weight a new case of a citizen on this benefit gets unless one is given (no row: 1). */
@Entity('benefit_weight')
export class BenefitWeightEntity {
  @TextColumn({ primary: true }) benefit: string;
  @NumericColumn({ precision: 4, scale: 2 }) weight: string;
}
