export * from './common';
export * from './problems';
export * from './auth';
export * from './citizens';
export * from './cases';
export * from './plans';
export * from './meetings';
export * from './realtime';
