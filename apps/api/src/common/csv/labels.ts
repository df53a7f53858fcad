import type { Benefit, Discipline } from '@tvaers/contracts';

// Danish words for code values in CSV files (the web's own come from its i18n files; CSVs are Danish only).
export const disciplineLabel: Record<Discipline, string> = {
  employment: 'Beskæftigelse',
  health: 'Sundhed',
  social: 'Social',
};

export const benefitLabel: Record<Benefit, string> = {
  kontanthjaelp: 'Kontanthjælp',
  uddannelseshjaelp: 'Uddannelseshjælp',
  dagpenge: 'Dagpenge',
  sygedagpenge: 'Sygedagpenge',
  ressourceforloeb: 'Ressourceforløb',
  jobafklaringsforloeb: 'Jobafklaringsforløb',
  ledighedsydelse: 'Ledighedsydelse',
  fleksjob_visitation: 'Visitation til fleksjob',
};
