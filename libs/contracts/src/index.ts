export * from './common';
export * from './auth';
export * from './meetings';
export * from './realtime';
