import { distance } from 'fastest-levenshtein';
import type { Confidence } from '../findings.js';
import type { IsoDate } from '../dates.js';
import { InputError } from '../errors.js';

/** A destination as the EAR names it, with its Country Group membership as of the data's date. */
export interface CountryRecord {
  readonly iso2: string;
  readonly iso3: string;
  readonly name: string;
  readonly earName: string | null;
  /** Destination whose EAR treatment applies (Hong Kong -> CN, territories -> their sovereign). */
  readonly treatedAs: string | null;
  readonly groups: readonly string[];
  readonly indeterminate?: boolean;
  readonly basis?: string;
}

/** A dated change to Country Group membership. */
export interface GroupChange {
  readonly country: string;
  readonly date: IsoDate;
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly citation: string;
  readonly source: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

export interface TierDefinition {
  readonly tier1: { countries: readonly string[]; citation: string; source: string; confidence: Confidence };
  readonly tier3: { groups: readonly string[]; countries: readonly string[]; citation: string; source: string; confidence: Confidence };
}

/** A destination on a date: its own record, the destination whose treatment applies, the groups that
 * destination was in on that date, and its AI Diffusion tier read with that day's D:5. */
export interface CountryAt {
  readonly record: CountryRecord;
  /** ISO code whose treatment applies (the record itself, or Hong Kong -> CN, Puerto Rico -> US, ...). */
  readonly effective: string;
  readonly groups: ReadonlySet<string>;
  readonly tier: 1 | 2 | 3;
  /** The group change that produced this membership, when the country changed groups since 2022. */
  readonly change?: GroupChange;
}

interface Segment {
  readonly from: IsoDate;
  readonly groups: ReadonlySet<string>;
  readonly change?: GroupChange;
}

const aliases: Record<string, string> = { UK: 'GB', PRC: 'CN', USA: 'US', UAE: 'AE', MACAO: 'MO', 'SOUTH KOREA': 'KR', 'NORTH KOREA': 'KP', BURMA: 'MM', 'TURKEY': 'TR' };

export class Countries {
  readonly records: readonly CountryRecord[];
  private readonly byCode = new Map<string, CountryRecord>();
  private readonly byName = new Map<string, string>();
  private readonly segments = new Map<string, readonly Segment[]>();
  private readonly tier1: ReadonlySet<string>;

  constructor(
    records: readonly CountryRecord[],
    readonly changes: readonly GroupChange[],
    readonly tiers: TierDefinition,
  ) {
    this.records = records;
    for (const r of records) {
      this.byCode.set(r.iso2, r);
      this.byCode.set(r.iso3, r);
      this.byName.set(r.name.toUpperCase(), r.iso2);
      if (r.earName) this.byName.set(r.earName.toUpperCase(), r.iso2);
    }
    for (const [alias, iso] of Object.entries(aliases)) this.byName.set(alias, iso);
    for (const c of changes) if (!this.byCode.has(c.country)) throw new Error(`changes.yaml names unknown country ${c.country}`);
    for (const r of records) this.segments.set(r.iso2, buildSegments(r, changes));
    this.tier1 = new Set(tiers.tier1.countries);
  }

  /** Resolves a user's country: ISO alpha-2 or alpha-3 (any case), or an English or EAR name. */
  resolve(input: string, field = 'to'): CountryRecord {
    const key = input.trim().toUpperCase();
    const hit = this.byCode.get(key) ?? this.byCode.get(this.byName.get(key) ?? '');
    if (hit) return hit;
    const scored = this.records
      .flatMap((r) => [r.iso2, r.name.toUpperCase()].map((n) => ({ iso: r.iso2, d: distance(key, n) })))
      .sort((a, b) => a.d - b.d);
    const near = [...new Set(scored.slice(0, 8).map((s) => s.iso))].slice(0, 4);
    throw new InputError(field, `unknown country "${input}"; use an ISO 3166 code such as ${near.join(', ')}`, near);
  }

  record(iso2: string): CountryRecord | undefined {
    return this.byCode.get(iso2);
  }

  /** Own Country Group membership of `iso2` on `date` (empty for territories that follow a sovereign). */
  groupsAt(iso2: string, date: IsoDate): Segment {
    const segs = this.segments.get(iso2);
    if (!segs) throw new Error(`unknown country ${iso2}`);
    let found = segs[0];
    for (const s of segs) {
      if (s.from > date) break;
      found = s;
    }
    return found;
  }

  /** The destination on `date`, with the treatment that applies to it (one shared object per segment). */
  at(iso2: string, date: IsoDate): CountryAt {
    const record = this.byCode.get(iso2);
    if (!record) throw new Error(`unknown country ${iso2}`);
    const effective = record.treatedAs ?? record.iso2;
    const seg = this.groupsAt(effective, date);
    let byRecord = this.resolved.get(seg);
    if (!byRecord) this.resolved.set(seg, (byRecord = new Map()));
    let at = byRecord.get(record.iso2);
    if (!at) byRecord.set(record.iso2, (at = { record, effective, groups: seg.groups, tier: this.tierOf(effective, seg.groups), change: seg.change }));
    return at;
  }

  private readonly resolved = new Map<Segment, Map<string, CountryAt>>();

  private tierOf(effective: string, groups: ReadonlySet<string>): 1 | 2 | 3 {
    if (this.tier1.has(effective)) return 1;
    if (this.tiers.tier3.countries.includes(effective)) return 3;
    for (const g of this.tiers.tier3.groups) if (groups.has(g)) return 3;
    return 2;
  }
}

/** Rebuilds dated membership by undoing, newest first, each change dated after a point in time. */
function buildSegments(r: CountryRecord, changes: readonly GroupChange[]): Segment[] {
  const mine = changes.filter((c) => c.country === r.iso2).sort((a, b) => (a.date < b.date ? -1 : 1));
  const segs: Segment[] = [];
  let groups = new Set(r.groups);
  for (let i = mine.length - 1; i >= 0; i--) {
    const c = mine[i];
    segs.unshift({ from: c.date, groups, change: c });
    groups = new Set(groups);
    for (const g of c.add ?? []) groups.delete(g);
    for (const g of c.remove ?? []) groups.add(g);
  }
  segs.unshift({ from: '0000-01-01', groups });
  return segs;
}

/** True when the groups meet the set: in one of `groups` and in none of `except`. */
export function inGroups(groups: ReadonlySet<string>, include: readonly string[], except: readonly string[] = []): boolean {
  let hit = false;
  for (const g of include) if (groups.has(g)) hit = true;
  if (!hit) return false;
  for (const g of except) if (groups.has(g)) return false;
  return true;
}
