import { type IsoDate, today } from '../dates.js';
import { InputError } from '../errors.js';
import type { Party, Snapshot } from './party.js';
import { NameIndex, type TokenScore } from './name-index.js';
import { footnotes, listCodes, listMeanings } from './lists.js';
import { loadBundled, readStored, storedFiles } from './store.js';
import { tokens } from './normalise.js';

/** A snapshot in service with its index, built once. */
export interface ScreeningService {
  readonly snapshot: Snapshot;
  readonly index: NameIndex;
  /** Stored snapshots that were passed over because they could not be read, and why. */
  readonly problems: readonly string[];
}

export interface ScreenOptions {
  /** ISO-2 country: only parties with an address there (or with no address at all). */
  readonly country?: string;
  /** List abbreviations (EL, SDN, DPL, UVL, MEU, ...); all lists when absent. */
  readonly lists?: readonly string[];
  /** Score from which a hit is a match, 0..1. */
  readonly threshold?: number;
  readonly limit?: number;
  /** The date the snapshot's age is counted to; today when absent. */
  readonly date?: IsoDate;
}

export type HitStatus = 'match' | 'review';

export interface Hit {
  readonly name: string;
  readonly matchedName: string;
  readonly score: number;
  readonly status: HitStatus;
  readonly list: string;
  readonly listName: string;
  readonly entityNumber: string | null;
  /** The first address country (or the one filtered on); all of them in `countries`. */
  readonly country: string | null;
  readonly countries: readonly string[];
  readonly type: string | null;
  readonly licenseRequirement: string | null;
  readonly licensePolicy: string | null;
  /** Entity List footnote, e.g. "FN4"; the first when an entry has several (all in `footnotes`). */
  readonly footnote: string | null;
  readonly footnotes: readonly string[];
  readonly federalRegister: string | null;
  readonly programs: readonly string[];
  readonly tokens: readonly TokenScore[];
}

export interface ScreenResult {
  readonly snapshot: { readonly source: string; readonly asOf: IsoDate; readonly sha256: string; readonly rows: number; readonly ageDays: number };
  readonly query: string;
  readonly threshold: number;
  readonly hits: readonly Hit[];
}

/** Default score from which a hit is a match; tuned with bench/screening.ts on the labelled set. */
export const defaultThreshold = 0.82;
/** Hits this far below the threshold are still reported, as "review". */
export const reviewBand = 0.1;
export const defaultLimit = 10;

/** Builds the service over a snapshot. */
export function serviceFor(snapshot: Snapshot, problems: readonly string[] = []): ScreeningService {
  return { snapshot, index: new NameIndex(snapshot.parties), problems };
}

/** The snapshot in service: the newest valid one (imported under `dataDir`, or bundled), a later import
 * winning a tie. A stored snapshot that cannot be read is reported in `problems` and passed over. */
export function loadInService(dataDir: string): { snapshot: Snapshot; problems: string[] } {
  const problems: string[] = [];
  let best: { snapshot: Snapshot; importedAt: string } | null = null;
  for (const file of storedFiles(dataDir)) {
    const r = readStored(file);
    if ('error' in r) {
      problems.push(`${file}: ${r.error}`);
      continue;
    }
    if (best && r.info.asOf < best.snapshot.asOf) break;
    if (!best || r.info.importedAt > best.importedAt) best = { snapshot: r.snapshot, importedAt: r.info.importedAt };
  }
  const bundled = loadBundled();
  const snapshot = best && best.snapshot.asOf >= bundled.asOf ? best.snapshot : bundled;
  return { snapshot, problems };
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function checkOptions(opts: ScreenOptions): { country: string | null; lists: Set<string> | null; threshold: number; limit: number; date: IsoDate } {
  const threshold = opts.threshold ?? defaultThreshold;
  if (!(threshold >= 0 && threshold <= 1)) throw new InputError('threshold', `must be between 0 and 1, got ${threshold}`);
  const limit = opts.limit ?? defaultLimit;
  if (!Number.isInteger(limit) || limit < 1) throw new InputError('limit', `must be a whole number of 1 or more, got ${limit}`);
  let country: string | null = null;
  if (opts.country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(opts.country)) throw new InputError('country', `"${opts.country}" is not an ISO 3166-1 alpha-2 code such as CN`);
    country = opts.country.toUpperCase();
  }
  let lists: Set<string> | null = null;
  if (opts.lists && opts.lists.length > 0) {
    lists = new Set();
    for (const l of opts.lists) {
      const code = l.toUpperCase();
      if (!listMeanings.has(code)) throw new InputError('list', `"${l}" is not a list earmark knows; use one of ${listCodes.join(', ')}`, listCodes);
      lists.add(code);
    }
  }
  return { country, lists, threshold, limit, date: opts.date ?? today() };
}

/** Screens one name against the snapshot in service: hits at or above the threshold are "match", those up
 * to `reviewBand` below it "review"; best first, equal scores in the order of data/lists/lists.yaml (BIS
 * lists before the others). */
export function screen(service: ScreeningService, name: string, opts: ScreenOptions = {}): ScreenResult {
  const o = checkOptions(opts);
  if (tokens(name).length === 0) throw new InputError('name', `"${name}" has no letters or digits to screen`);
  const parties = service.snapshot.parties;
  const accept =
    o.country || o.lists
      ? (p: number) => {
          const party = parties[p];
          if (o.lists && !o.lists.has(party.list)) return false;
          return !o.country || party.countries.length === 0 || party.countries.includes(o.country);
        }
      : undefined;
  const found = service.index.search(name, { minScore: Math.max(0, o.threshold - reviewBand), limit: o.limit, accept });
  const rank = (l: string) => listCodes.indexOf(l);
  const hits = found
    .sort((a, b) => b.score - a.score || rank(parties[a.party].list) - rank(parties[b.party].list))
    .map((c): Hit => hit(parties[c.party], c.matchedName, c.score, c.score >= o.threshold ? 'match' : 'review', c.tokens, o.country));
  const s = service.snapshot;
  return {
    snapshot: { source: s.source, asOf: s.asOf, sha256: s.sha256, rows: s.parties.length, ageDays: daysBetween(s.asOf, o.date) },
    query: name,
    threshold: o.threshold,
    hits,
  };
}

function hit(p: Party, matchedName: string, score: number, status: HitStatus, toks: readonly TokenScore[], country: string | null): Hit {
  const fns = footnotes(p.licenseRequirement).map((n) => `FN${n}`);
  return {
    name: p.name,
    matchedName,
    score,
    status,
    list: p.list,
    listName: p.source,
    entityNumber: p.entityNumber,
    country: country && p.countries.includes(country) ? country : (p.countries[0] ?? null),
    countries: p.countries,
    type: p.type,
    licenseRequirement: p.licenseRequirement,
    licensePolicy: p.licensePolicy,
    footnote: fns[0] ?? null,
    footnotes: fns,
    federalRegister: p.federalRegister,
    programs: p.programs,
    tokens: toks,
  };
}

