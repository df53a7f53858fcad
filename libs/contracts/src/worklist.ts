import { z } from 'zod';
import { isoDate, pageOf, pageQuery, StaffRef, uuid } from './common';

export const WorklistItem = z.object({
  /** `health_statement_received`: a doctor's statement the case's responsible person has not read yet. */
  kind: z.enum([
    'request_decision',
    'plan_review',
    'clarification_guarantee',
    'exemption_end',
    'health_statement_received',
  ]),
  caseId: uuid,
  citizenName: z.string(),
  /** Null while the case waits in the intake queue for a responsible person. */
  responsibleId: uuid.nullable(),
  /** Who answers for the deadline; null while no one is responsible (the web flags it). */
  responsible: StaffRef.nullable(),
  dueDate: isoDate,
  status: z.enum(['overdue', 'due_soon', 'ok']),
  link: z.string(),
  /**
   * On a health item: the caller may not read its content (not health staff, and no health_in_unit consent).
   * The item itself never carries health content.
   */
  healthHidden: z.boolean().optional(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;
/** Most urgent first (overdue, then due soon, then the rest, each by due date), in pages; `total` is the whole list. */
export const Worklist = pageOf(WorklistItem);
export type Worklist = z.infer<typeof Worklist>;
export const WorklistQuery = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  includeOk: z.enum(['true', 'false']).optional(),
  /** The team's list narrowed to one responsible person's deadlines, or (`none`) to cases no one answers for yet. */
  responsible: z.union([uuid, z.literal('none')]).optional(),
  ...pageQuery,
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;
