import { z } from 'zod';
import { healthListOf, instant } from './common';

/** Progress indicators in the spirit of the Danish BIP indicators; scored 1-10. */
export const indicatorKeys = [
  'health_mastery',
  'everyday_mastery',
  'job_belief',
  'cooperation',
  'job_search',
  'social_situation',
] as const;
export const IndicatorKey = z.enum(indicatorKeys);
export type IndicatorKey = z.infer<typeof IndicatorKey>;

export const ScoreIndicators = z.object({
  ratedBy: z.enum(['citizen', 'caseworker']),
  scores: z
    .partialRecord(IndicatorKey, z.number().int().min(1).max(10))
    .refine((s) => Object.keys(s).length > 0, 'at least one score'),
  note: z.string().trim().max(1000).optional(),
});
export type ScoreIndicators = z.infer<typeof ScoreIndicators>;

export const IndicatorScoreItem = z.object({
  key: IndicatorKey,
  ratedBy: z.enum(['citizen', 'caseworker']),
  score: z.number().int(),
  at: instant,
});
export const IndicatorTrend = z.object({
  key: IndicatorKey,
  citizen: z.array(z.object({ at: instant, score: z.number() })),
  caseworker: z.array(z.object({ at: instant, score: z.number() })),
  trend: z.enum(['up', 'down', 'flat', 'unknown']),
});
/** `healthHidden`: the health indicator (health_mastery) was left out, as for hidden health efforts. */
export const Indicators = healthListOf(IndicatorTrend);
export type Indicators = z.infer<typeof Indicators>;
