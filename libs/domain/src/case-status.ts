import type { CloseOutcome } from './outcomes';

/** A case is worked on while active; closing records a reason and outcome (the contract requires both), reopening clears them. */
export type CaseStatus = 'active' | 'closed';

export interface CaseState {
  status: CaseStatus;
  closeReason: string | null;
  closeOutcome: CloseOutcome | null;
  closedAt: Date | null;
}

export interface CaseStatusChange extends CaseState {
  closing: boolean;
  reopening: boolean;
  /** The case counts toward its responsible person's caseload while it is, or becomes, active. */
  countsTowardLoad: boolean;
}

/**
 * The status a case gets from a requested change: closing records reason and time, reopening clears
 * them, anything else keeps them. Asking for the status it already has changes nothing.
 */
export function changeCaseStatus(
  current: CaseState,
  requested: { status?: CaseStatus; closeReason?: string; closeOutcome?: CloseOutcome },
  now: Date,
): CaseStatusChange {
  const closing = requested.status === 'closed' && current.status === 'active';
  const reopening = requested.status === 'active' && current.status === 'closed';
  return {
    status: requested.status ?? current.status,
    closeReason: closing ? (requested.closeReason ?? null) : reopening ? null : current.closeReason,
    closeOutcome: closing ? (requested.closeOutcome ?? 'other') : reopening ? null : current.closeOutcome,
    closedAt: closing ? now : reopening ? null : current.closedAt,
    closing,
    reopening,
    countsTowardLoad: (current.status === 'active' && requested.status !== 'closed') || reopening,
  };
}
