import type { Benefit, Discipline, Role } from '@tvaers/contracts';

export const DEMO_PASSWORD = 'tvaers-demo';

export interface DemoStaff {
  email: string;
  name: string;
  roles: Role[];
  discipline: Discipline;
  teams: ('nord' | 'syd')[];
  ceiling?: number;
  /**
   * Where the dashboard shows them: given more (and heavier) cases until `near` (90–100 % of the ceiling) or
   * `over` it. Never the demo logins: docs/api.md promises the caseworkers among them room for more cases.
   */
  load?: 'near' | 'over';
  /** Shown on start as a demo login. */
  login?: string;
}

/** The demo logins of docs/api.md first, then colleagues so the unit has about 14 people. */
export const demoStaff: DemoStaff[] = [
  {
    email: 'leder@demo.tvaers.dk',
    name: 'Lene Holm',
    roles: ['manager'],
    discipline: 'employment',
    teams: ['nord', 'syd'],
    login: 'leder (manager)',
  },
  {
    email: 'sagsbehandler@demo.tvaers.dk',
    name: 'Søren Madsen',
    roles: ['caseworker'],
    discipline: 'employment',
    teams: ['nord'],
    ceiling: 25,
    login: 'sagsbehandler (employment caseworker)',
  },
  {
    email: 'socialraadgiver@demo.tvaers.dk',
    name: 'Sara Nørgaard',
    roles: ['caseworker'],
    discipline: 'social',
    teams: ['nord'],
    ceiling: 25,
    login: 'socialrådgiver (social caseworker)',
  },
  {
    email: 'sundhed@demo.tvaers.dk',
    name: 'Hanne Kjær',
    roles: ['health'],
    discipline: 'health',
    teams: ['nord'],
    ceiling: 25,
    login: 'sundhed (health)',
  },
  {
    email: 'admin@demo.tvaers.dk',
    name: 'Anders Bach',
    roles: ['admin'],
    discipline: 'employment',
    teams: ['nord', 'syd'],
    login: 'admin (administrator)',
  },
  {
    email: 'sagsbehandler2@demo.tvaers.dk',
    name: 'Mads Kragh',
    roles: ['caseworker'],
    discipline: 'employment',
    teams: ['syd'],
    ceiling: 25,
    login: 'sagsbehandler2 (employment caseworker, team Syd)',
  },
  {
    email: 'jobkonsulent@demo.tvaers.dk',
    name: 'Jonas Lund',
    roles: ['caseworker'],
    discipline: 'employment',
    teams: ['nord'],
    ceiling: 25,
    load: 'over',
  },
  {
    email: 'mette.skov@demo.tvaers.dk',
    name: 'Mette Skov',
    roles: ['caseworker'],
    discipline: 'employment',
    teams: ['syd'],
    ceiling: 25,
    load: 'over',
  },
  {
    email: 'karim.said@demo.tvaers.dk',
    name: 'Karim Said',
    roles: ['caseworker'],
    discipline: 'social',
    teams: ['syd'],
    ceiling: 22,
    load: 'near',
  },
  {
    email: 'birgitte.holt@demo.tvaers.dk',
    name: 'Birgitte Holt',
    roles: ['caseworker'],
    discipline: 'social',
    teams: ['syd'],
    ceiling: 22,
  },
  {
    email: 'pia.fog@demo.tvaers.dk',
    name: 'Pia Fog',
    roles: ['health'],
    discipline: 'health',
    teams: ['syd'],
    ceiling: 25,
  },
  {
    email: 'emil.dahl@demo.tvaers.dk',
    name: 'Emil Dahl',
    roles: ['caseworker'],
    discipline: 'employment',
    teams: ['syd'],
    ceiling: 25,
  },
  {
    email: 'leder.syd@demo.tvaers.dk',
    name: 'Ole Vester',
    roles: ['manager'],
    discipline: 'social',
    teams: ['syd'],
  },
  {
    email: 'line.bjerre@demo.tvaers.dk',
    name: 'Line Bjerre',
    roles: ['caseworker'],
    discipline: 'social',
    teams: ['nord'],
    ceiling: 22,
    load: 'near',
  },
];

/** Heavier courses count more towards a ceiling (the unit's "Vægte pr. ydelse"); other benefits weigh 1. */
export const demoBenefitWeights: Partial<Record<Benefit, number>> = {
  ressourceforloeb: 1.5,
  jobafklaringsforloeb: 1.5,
};

export const firstNames = [
  'Anne',
  'Mikkel',
  'Fatima',
  'Lars',
  'Camilla',
  'Ahmed',
  'Louise',
  'Thomas',
  'Nadia',
  'Peter',
  'Ida',
  'Rasmus',
  'Mona',
  'Kasper',
  'Sofie',
  'Jens',
  'Maria',
  'Ali',
  'Julie',
  'Henrik',
  'Yasmin',
  'Martin',
  'Line',
  'Bo',
];
export const lastNames = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Yilmaz',
  'Hussein',
];
export const benefits = [
  'kontanthjaelp',
  'kontanthjaelp',
  'kontanthjaelp',
  'uddannelseshjaelp',
  'sygedagpenge',
  'ressourceforloeb',
  'jobafklaringsforloeb',
  'dagpenge',
  'ledighedsydelse',
  'fleksjob_visitation',
] as const;
export const clinics = ['Lægehuset Torvet', 'Lægerne i Nørregade', 'Sundhedshuset Syd', 'Lægeklinikken Havnen'];
export const doctors = ['Læge Karen Friis', 'Læge Mads Winther', 'Læge Aisha Rahman', 'Læge Per Brandt'];
