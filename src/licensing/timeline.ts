import { addDays, type IsoDate } from '../dates.js';
import type { Law } from '../law/law.js';
import type { ReviewPolicy } from '../law/review.js';
import type { View } from '../law/versions.js';
import type { Eccn } from '../classification/classify.js';
import { determine, type LicenseException } from './determine.js';
import type { Transaction } from './transaction.js';

export interface Interval {
  readonly from: IsoDate;
  /** Last day of the interval; null for the interval still open. */
  readonly to: IsoDate | null;
  readonly licenseRequired: boolean | null;
  readonly reviewPolicy: ReviewPolicy | null;
  readonly eccn: Eccn | null;
  readonly ruleVersion: string;
  readonly licenseExceptions: readonly LicenseException[];
}

/** "When was this legal?": the answer for one transaction from the start of coverage to `until`,
 * as intervals that begin wherever the answer or the rule version applied changes. The answer can
 * only change on a date where some value of the law changes, so those dates are all that is evaluated. */
export function timeline(law: Law, tx: Omit<Transaction, 'date'>, view: View, until: IsoDate): Interval[] {
  const dates = [law.coverageStart, ...law.boundaries.filter((d) => d > law.coverageStart && d <= until)];
  const out: Interval[] = [];
  for (const date of dates) {
    const d = determine(law, { ...tx, date }, view);
    const last = out[out.length - 1];
    const same = last && last.licenseRequired === d.licenseRequired && last.reviewPolicy === d.reviewPolicy && last.eccn === d.item.eccn
      && last.ruleVersion === d.ruleVersion && last.licenseExceptions.join() === d.licenseExceptions.join();
    if (same) continue;
    if (last) out[out.length - 1] = { ...last, to: addDays(date, -1) };
    out.push({ from: date, to: null, licenseRequired: d.licenseRequired, reviewPolicy: d.reviewPolicy, eccn: d.item.eccn, ruleVersion: d.ruleVersion, licenseExceptions: d.licenseExceptions });
  }
  return out;
}
