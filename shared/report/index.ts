export * from './report-input.js';
export * from './report-model.js';
export * from './report-document.js';
export * from './render-pdf.js';
export * from './format-zh.js';
export type { Content, DocumentDefinition } from './pdf-content.js';
export * from './report-input-from-packages.js';
export * from './report-checks.js';
