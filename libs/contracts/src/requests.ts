import { z } from 'zod';
import { datesInOrder, instant, isoDate, listOf, StaffRef, uuid } from './common';

export const requestKinds = ['effort', 'conversation'] as const;
export const CitizenRequest = z.object({
  id: uuid,
  kind: z.enum(requestKinds),
  description: z.string(),
  receivedAt: instant,
  decisionDue: isoDate,
  decision: z.enum(['granted', 'refused']).nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: instant.nullable(),
  decidedBy: StaffRef.nullable(),
});
export type CitizenRequest = z.infer<typeof CitizenRequest>;
export const CitizenRequestList = listOf(CitizenRequest);
export type CitizenRequestList = z.infer<typeof CitizenRequestList>;
export const CreateCitizenRequest = z.object({
  kind: z.enum(requestKinds),
  description: z.string().trim().min(3).max(2000),
  receivedAt: instant.optional(),
});
export type CreateCitizenRequest = z.infer<typeof CreateCitizenRequest>;
export const DecideCitizenRequest = z.object({
  decision: z.enum(['granted', 'refused']),
  reason: z.string().trim().min(3).max(4000),
});
export type DecideCitizenRequest = z.infer<typeof DecideCitizenRequest>;

/** Exemption (fritagelse) from activity requirements: at most 6 months per decision. */
export const CreateExemption = z
  .object({ startDate: isoDate, endDate: isoDate, reason: z.string().trim().min(3).max(2000) })
  .refine(...datesInOrder('startDate', 'endDate'));
export type CreateExemption = z.infer<typeof CreateExemption>;
export const Exemption = z.object({
  id: uuid,
  startDate: isoDate,
  endDate: isoDate,
  reason: z.string(),
  decidedBy: StaffRef,
  decidedAt: instant,
});
export type Exemption = z.infer<typeof Exemption>;
export const ExemptionList = listOf(Exemption);
export type ExemptionList = z.infer<typeof ExemptionList>;
