export * from './schemas/index';
export * from './iup/default-template';
export * from './iup/school-year';
export * from './deadlines/index';
export * from './phrases/placeholders';
export * from './phrases/normalise';
export * from './phrases/search';
export * from './util/multimap';
export * from './wording/index';
export * from './phrases/similarity';
// phrases/transfer (CSV parser) and phrases/starter-bank are imported by path: the content script must not carry them.
export * from './iup/pupil-detection';
export * from './iup/section-fields';
