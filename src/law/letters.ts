import type { IsoDate } from '../dates.js';
import type { Sourced } from './parameters.js';
import type { DestinationSet } from './destinations.js';
import type { ReviewPolicy } from './review.js';

/** An "is-informed" letter: a licence requirement told to one company for named chips. */
export interface Letter extends Sourced {
  readonly id: string;
  readonly addressee: string;
  readonly vendorNames: readonly string[];
  readonly from: IsoDate;
  readonly until: IsoDate | null;
  readonly chips: readonly string[];
  readonly destinations: DestinationSet;
  readonly headquarters?: DestinationSet;
  readonly reviewPolicy: Readonly<Record<IsoDate, ReviewPolicy>>;
  readonly text: string;
}

/** Letters bind only their addressee: true when `vendor` (the exporter) names it, case-insensitively. */
export function bindsVendor(letter: Letter, vendor: string | undefined): boolean {
  if (!vendor) return false;
  const v = vendor.trim().toLowerCase().replace(/[.,]/g, '');
  return letter.vendorNames.includes(v);
}

export function letterInForce(letter: Letter, date: IsoDate): boolean {
  return letter.from <= date && (letter.until === null || date < letter.until);
}

export function letterReviewPolicy(letter: Letter, date: IsoDate): ReviewPolicy {
  let policy: ReviewPolicy = 'presumption-of-denial';
  for (const [from, p] of Object.entries(letter.reviewPolicy).sort()) if (from <= date) policy = p;
  return policy;
}

/** Guidance that reaches everyone dealing in the named chips, whoever the exporter (not a letter). */
export interface Guidance extends Sourced {
  readonly id: string;
  readonly from: IsoDate;
  readonly until: IsoDate | null;
  readonly chips: readonly string[];
  readonly text: string;
}
