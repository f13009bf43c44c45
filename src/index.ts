/**
 * The side-effect-free main entry: element classes (not registered) and the pure helpers, for
 * people who build their own views or register the elements under other names.
 */
export * from './core/issues.js';
export * from './core/read.js';
export * from './core/metric.js';
export * from './core/format.js';
export * from './core/delta.js';
export * from './core/links.js';
export * from './core/anomaly.js';
export * from './core/parse.js';
export { idFromName } from './core/ids.js';
export { NswElement, type Theme } from './base/nsw-element.js';
export { defineElement, VERSION } from './base/define.js';
export type * from './base/events.js';
