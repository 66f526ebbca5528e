export * from './member-scores.js';
export * from './consolidate.js';
export * from './consensus-record.js';
export * from './new-consensus.js';
export * from './consensus-edits.js';
export * from './panel-notes.js';
export * from './recommendation.js';
export * from './from-packages.js';
