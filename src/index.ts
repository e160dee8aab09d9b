// The earmark library: pure determinations over the bundled law data.
export type { Finding, Confidence } from './findings.js';
export { InputError } from './errors.js';
