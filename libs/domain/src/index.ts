export * from './time';
export * from './cpr';
export * from './deadlines';
export * from './slots';
export * from './caseload';
export * from './plan-diff';
