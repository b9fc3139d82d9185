export * from './compute';
export * from './dates';
export * from './iup-duty';
export * from './summary';
export * from './types';
