import { z } from 'zod';
import { instant, isoDate, listOf, pageOf, pageQuery, StaffRef, uuid } from './common';

export const benefits = [
  'kontanthjaelp',
  'uddannelseshjaelp',
  'dagpenge',
  'sygedagpenge',
  'ressourceforloeb',
  'jobafklaringsforloeb',
  'ledighedsydelse',
  'fleksjob_visitation',
] as const;
export const Benefit = z.enum(benefits);
export type Benefit = z.infer<typeof Benefit>;
/** Each benefit's Danish name, for the web's Danish texts and the (Danish only) CSV files alike. */
export const benefitNamesDa: Record<Benefit, string> = {
  kontanthjaelp: 'Kontanthjælp',
  uddannelseshjaelp: 'Uddannelseshjælp',
  dagpenge: 'Dagpenge',
  sygedagpenge: 'Sygedagpenge',
  ressourceforloeb: 'Ressourceforløb',
  jobafklaringsforloeb: 'Jobafklaringsforløb',
  ledighedsydelse: 'Ledighedsydelse',
  fleksjob_visitation: 'Visitation til fleksjob',
};

/** Shape only; the date and century rules are checked by the domain library. */
export const CprInput = z
  .string()
  .trim()
  .regex(/^\d{6}-?\d{4}$/, 'CPR must be 10 digits (DDMMYY-SSSS)');

export const CreateCitizen = z.object({
  cpr: CprInput,
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional(),
  phone: z.string().trim().min(3).max(40).optional(),
  benefit: Benefit,
  benefitStart: isoDate.optional(),
});
export type CreateCitizen = z.infer<typeof CreateCitizen>;

export const Citizen = z.object({
  id: uuid,
  name: z.string(),
  cprMasked: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  benefit: Benefit,
  benefitStart: isoDate.nullable(),
  activeCaseId: uuid.nullable(),
  createdAt: instant,
});
export type Citizen = z.infer<typeof Citizen>;
/** An exact-CPR match of a citizen without an active case anywhere (intake): who it is, nothing more. */
export const CitizenIntakeMatch = z.object({ id: uuid, name: z.string(), cprMasked: z.string() });
export type CitizenIntakeMatch = z.infer<typeof CitizenIntakeMatch>;
/** By name, then id, in pages; an exact CPR's one or few hits are one page. */
export const CitizenList = pageOf(z.union([Citizen, CitizenIntakeMatch]));
export type CitizenList = z.infer<typeof CitizenList>;

export const CitizenSearch = z.object({ q: z.string().trim().max(100).optional(), ...pageQuery });
export type CitizenSearch = z.infer<typeof CitizenSearch>;

export const RevealCpr = z.object({ reason: z.string().trim().min(3).max(500) });
export type RevealCpr = z.infer<typeof RevealCpr>;
export const RevealedCpr = z.object({ cpr: z.string() });
export type RevealedCpr = z.infer<typeof RevealedCpr>;

export const consentScopes = ['health_in_unit', 'plan_excerpt_to_doctor'] as const;
export const ConsentScope = z.enum(consentScopes);
export type ConsentScope = z.infer<typeof ConsentScope>;

export const Consent = z.object({
  scope: ConsentScope,
  given: z.boolean(),
  givenAt: instant.nullable(),
  recordedBy: StaffRef.nullable(),
  withdrawnAt: instant.nullable(),
  note: z.string().nullable(),
});
export type Consent = z.infer<typeof Consent>;
export const ConsentList = listOf(Consent);
export type ConsentList = z.infer<typeof ConsentList>;
export const SetConsent = z.object({ given: z.boolean(), note: z.string().trim().max(1000).optional() });
export type SetConsent = z.infer<typeof SetConsent>;

export const AccessLogEntry = z.object({
  at: instant,
  actor: z.object({ id: uuid.nullable(), name: z.string(), kind: z.enum(['staff', 'guest', 'system']) }),
  action: z.string(),
  purpose: z.string().nullable(),
});
export const AccessLog = z.object({
  items: z.array(AccessLogEntry),
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: z.string().nullable(),
});
export const AccessLogQuery = z.object({
  ...pageQuery,
  action: z.string().trim().min(1).max(100).optional(),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;
export type AccessLog = z.infer<typeof AccessLog>;

/** One stored row as it is kept (column names as stored); the export hands over data, not a view of it. */
const ExportRows = z.array(z.record(z.string(), z.unknown()));

/**
 * Everything Tværs holds on one citizen (GDPR art. 15), with the full CPR: the citizen, their cases and what
 * hangs on them, and who has looked at their data (the access log).
 */
export const CitizenExport = z.object({
  exportedAt: z.string(),
  citizen: z.record(z.string(), z.unknown()),
  cases: ExportRows,
  planVersions: ExportRows,
  efforts: ExportRows,
  meetings: ExportRows,
  meetingNotes: z.array(z.object({ meetingId: z.string(), text: z.string() })),
  decisions: ExportRows,
  healthStatements: ExportRows,
  ownAssessments: ExportRows,
  requests: ExportRows,
  exemptions: ExportRows,
  indicatorScores: ExportRows,
  consents: ExportRows,
  members: ExportRows,
  assignments: ExportRows,
  accessLog: ExportRows,
});
export type CitizenExport = z.infer<typeof CitizenExport>;
