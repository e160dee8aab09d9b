// The earmark library: pure determinations over the bundled law data. Load the law once with `law()`,
// then ask at any date since 2022-10-07; nothing here reads a file or a clock at decision time.
export type { Finding, Confidence } from './findings.js';
export { InputError } from './errors.js';
export { law, loadLaw, param, type Law } from './law/law.js';
export { versionAt, type RuleVersion, type View } from './law/versions.js';
export { itemFromChip, itemFromSpecs, asComputer, type Item, type ChipRecord } from './chips/catalog.js';
export { tppOf, performanceDensity, memoryBandwidthDensity, h100Equivalents } from './chips/metrics.js';
export { chipsAt, chipDetail } from './chips/listing.js';
export { countriesAt } from './countries/listing.js';
export { classify, type Classification, type Eccn } from './classification/classify.js';
export { check, determine, type Determination, type LicenseException } from './licensing/determine.js';
export { transactionFrom, type TransactionInput } from './licensing/input.js';
export type { Transaction } from './licensing/transaction.js';
export { timeline, type Interval } from './licensing/timeline.js';
export * from './weights/index.js';
export * from './compute/index.js';
export { openScreening, screen, buyerFindings } from './screening/index.js';
