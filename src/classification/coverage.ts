import type { IsoDate } from '../dates.js';
import { InputError } from '../errors.js';
import type { Finding } from '../findings.js';
import type { Law } from '../law/law.js';

/** Refuses dates before coverage; past the data's as-of date, answers with a warning finding. */
export function coverageFindings(law: Law, date: IsoDate, rule: string): Finding[] {
  if (date < law.coverageStart) {
    throw new InputError('date', `${date} is before earmark's coverage, which starts on ${law.coverageStart} (the October 2022 advanced-computing rule)`);
  }
  if (date > law.asOf) {
    return [{
      rule,
      citation: '15 CFR 742.6; 15 CFR 774 Supp. No. 1',
      text: `The date asked is after the data's as-of date (${law.asOf}): this is the answer under the rules known then; later changes are unknown. Verify against the current CFR.`,
      source: `earmark data as of ${law.asOf}`,
      confidence: 'medium',
    }];
  }
  return [];
}
