import { benefits, disciplines, effortTypes } from '@tvaers/contracts';
import type { Benefit, Discipline, EffortType } from '@tvaers/contracts';
import type { TFunction } from 'i18next';

export function isBenefit(value: string): value is Benefit {
  return (benefits as readonly string[]).includes(value);
}

/** A case's benefit in words; an unknown code is shown as it is rather than hidden. */
export function benefitLabel(t: TFunction, benefit: string): string {
  return isBenefit(benefit) ? t(`benefits.${benefit}`) : benefit;
}

/** Effort types per discipline, in the order of the code list (for grouped selects and lists). */
export const effortTypesByDiscipline: Record<Discipline, EffortType[]> = Object.fromEntries(
  disciplines.map((discipline) => [
    discipline,
    (Object.keys(effortTypes) as EffortType[]).filter((type) => effortTypes[type] === discipline),
  ]),
) as Record<Discipline, EffortType[]>;

export function isEffortType(value: string): value is EffortType {
  return Object.hasOwn(effortTypes, value);
}
