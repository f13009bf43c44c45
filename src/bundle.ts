/** Entry of the self-contained bundles: registers every element and exposes the classes and helpers. */
import './define-all.js';
export * from './index.js';
