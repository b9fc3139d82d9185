export * from './schemas/index';
export * from './iup/default-template';
export * from './iup/school-year';
export * from './deadlines/index';
export * from './phrases/placeholders';
export * from './phrases/normalise';
export * from './phrases/search';
export * from './util/multimap';
