export * from './rules';
export * from './glossary';
export * from './check-wording';
