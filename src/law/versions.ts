import type { Confidence } from '../findings.js';
import type { IsoDate } from '../dates.js';

export type VersionStatus = 'in-force' | 'superseded' | 'codified-not-enforced';

/** A rule version: one Federal Register rule (or BIS announcement) that changed these controls. */
export interface RuleVersion {
  readonly id: string;
  readonly title: string;
  readonly citation: string;
  readonly announced?: IsoDate;
  readonly published?: IsoDate;
  readonly effective: IsoDate;
  readonly compliance?: IsoDate;
  readonly stages?: readonly { date: IsoDate; what: string }[];
  readonly status: VersionStatus;
  /** False for announcements and guidance that changed enforcement but not the CFR text. */
  readonly codified: boolean;
  readonly summary: string;
  readonly source: string;
  readonly confidence: Confidence;
}

export type View = 'enforced' | 'codified';

/** The version applied on `date` in a view: the latest effective on or before it. The codified view
 * skips versions that never changed the CFR text (the May 2025 non-enforcement, guidance). */
export function versionAt(versions: readonly RuleVersion[], date: IsoDate, view: View): RuleVersion | undefined {
  let found: RuleVersion | undefined;
  for (const v of versions) {
    if (v.effective > date) break;
    if (view === 'codified' && !v.codified) continue;
    found = v;
  }
  return found;
}
