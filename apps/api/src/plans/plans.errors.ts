import { ProblemError } from '../common/problem/problem';

export const ifMatchRequired = () =>
  new ProblemError(428, 'IF_MATCH_REQUIRED', 'Send If-Match with the plan version you edited.');

export const ifMatchInvalid = () =>
  new ProblemError(412, 'PLAN_VERSION_CONFLICT', 'If-Match does not name a plan version.');

export const planVersionConflict = (current: number, expected: number) =>
  new ProblemError(
    412,
    'PLAN_VERSION_CONFLICT',
    `The plan is at version ${current}, not ${expected}: reload and try again.`,
  );

/** An effort is "active" from its start date on (`canStartEffort`). */
export const effortNotStarted = (startDate: string, path: 'status' | 'startDate') =>
  new ProblemError(400, 'VALIDATION_FAILED', `The effort starts ${startDate}: it cannot be active before then.`, [
    { path, message: `cannot be active before the start date ${startDate}` },
  ]);

/** An effort's owner is someone on the case, or of the case's team, whose discipline is the effort's. */
export const effortOwnerInvalid = () =>
  new ProblemError(
    400,
    'VALIDATION_FAILED',
    "The owner must be on the case or in the case's team, and of the effort's discipline.",
    [{ path: 'ownerId', message: "must be staff on the case or in its team, of the effort's discipline" }],
  );

/** A decision names an effort that is not (visibly) in this case's plan. */
export const effortNotInPlan = (path: string) =>
  new ProblemError(400, 'VALIDATION_FAILED', "The effort is not in this case's plan.", [
    { path, message: "is not an effort of this case's plan" },
  ]);
