import { ProblemError } from '../common/problem/problem';

export const healthConsentRequired = () =>
  new ProblemError(
    403,
    'HEALTH_CONSENT_REQUIRED',
    "Health data is shown to health staff, and to others only with the citizen's consent to share it in the unit.",
  );
