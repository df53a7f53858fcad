export * from './time';
export * from './cpr';
export * from './deadlines';
export * from './caseload';
export * from './case-status';
export * from './consent';
export * from './indicators';
export * from './plan-diff';
