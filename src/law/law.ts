import type { IsoDate } from '../dates.js';
import { readData } from '../data/files.js';
import { Countries, type CountryRecord, type GroupChange, type TierDefinition } from '../countries/countries.js';
import { ChipCatalog, type ChipRecord } from '../chips/catalog.js';
import { type Dated, type Parameter, parametersFrom, valueAt } from './parameters.js';
import type { RuleVersion } from './versions.js';
import type { Guidance, Letter } from './letters.js';

/** Everything earmark knows of the law and the hardware, loaded once from data/. The core reads it
 * at a date and never touches a file. */
export interface Law {
  readonly coverageStart: IsoDate;
  readonly asOf: IsoDate;
  readonly versions: readonly RuleVersion[];
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly countries: Countries;
  readonly chips: ChipCatalog;
  readonly letters: readonly Letter[];
  /** BIS guidance reaching everyone who deals in named chips (GP10). */
  readonly guidance: readonly Guidance[];
  /** Every date on which some value of the law changes, sorted: the boundaries of timelines and sweeps. */
  readonly boundaries: readonly IsoDate[];
}

/** Index of the interval of `date` among the law's boundaries: two dates with the same index (and the
 * same side of the as-of date) see the same law, so per-interval results can be reused. */
export function intervalOf(law: Law, date: IsoDate): number {
  let lo = 0;
  let hi = law.boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (law.boundaries[mid] <= date) lo = mid + 1;
    else hi = mid;
  }
  return date > law.asOf ? -lo : lo;
}

/** The value of parameter `name` in force on `date`, or undefined. Throws on a name no data file defines.
 * Values are resolved once per interval of the law and then read from that interval's table. */
export function param<T>(law: Law, name: string, date: IsoDate): Dated<T> | undefined {
  const table = tableAt(law, date);
  if (table.has(name)) return table.get(name) as Dated<T> | undefined;
  const p = law.parameters.get(name);
  if (!p) throw new Error(`no parameter named ${name} in data/law`);
  const v = valueAt(p as Parameter<T>, date);
  table.set(name, v);
  return v;
}

const tables = new WeakMap<Law, Map<number, Map<string, Dated<unknown> | undefined>>>();
let lastDate = '';
let lastLaw: Law | undefined;
let lastTable: Map<string, Dated<unknown> | undefined> | undefined;

function tableAt(law: Law, date: IsoDate): Map<string, Dated<unknown> | undefined> {
  if (date === lastDate && law === lastLaw) return lastTable!;
  let byInterval = tables.get(law);
  if (!byInterval) tables.set(law, (byInterval = new Map()));
  const i = intervalOf(law, date);
  let table = byInterval.get(i);
  if (!table) byInterval.set(i, (table = new Map()));
  lastDate = date;
  lastLaw = law;
  lastTable = table;
  return table;
}

export function loadLaw(): Law {
  const v = readData<{ coverageStart: string; asOf: string; versions: RuleVersion[] }>('law', 'versions.yaml');
  const parameters = new Map<string, Parameter>();
  for (const file of ['classification.yaml', 'licensing.yaml', 'weights.yaml']) {
    for (const p of parametersFrom(readData('law', file))) {
      if (parameters.has(p.name)) throw new Error(`parameter ${p.name} defined twice in data/law`);
      parameters.set(p.name, p);
    }
  }
  const countryFile = readData<{ countries: CountryRecord[] }>('countries', 'countries.json');
  const changes = readData<GroupChange[]>('countries', 'changes.yaml');
  const tiers = readData<TierDefinition>('law', 'tiers.yaml');
  const chips = readData<{ chips: ChipRecord[] }>('catalog', 'chips.json');
  const guidance = readData<Guidance[]>('law', 'guidance.yaml').map((g) => ({ ...g, from: String(g.from), until: g.until ? String(g.until) : null }));
  const letters = readData<Letter[]>('law', 'letters.yaml').map((l) => ({ ...l, from: String(l.from), until: l.until ? String(l.until) : null }));
  const versions = v.versions.map((x) => ({ ...x, effective: String(x.effective) }));
  const dates = new Set<IsoDate>();
  for (const x of versions) {
    dates.add(x.effective);
    if (x.compliance) dates.add(String(x.compliance));
    for (const s of x.stages ?? []) dates.add(String(s.date));
  }
  for (const p of parameters.values()) for (const d of p.values) dates.add(d.from);
  for (const c of changes) dates.add(String(c.date));
  for (const l of letters) {
    dates.add(l.from);
    if (l.until) dates.add(l.until);
    for (const d of Object.keys(l.reviewPolicy)) dates.add(d);
  }
  for (const g of guidance) {
    dates.add(g.from);
    if (g.until) dates.add(g.until);
  }
  const coverageStart = String(v.coverageStart);
  return {
    coverageStart,
    asOf: String(v.asOf),
    versions,
    parameters,
    countries: new Countries(countryFile.countries, changes.map((c) => ({ ...c, date: String(c.date) })), tiers),
    chips: new ChipCatalog(chips.chips),
    letters,
    guidance,
    boundaries: [...dates].filter((d) => d >= coverageStart).sort(),
  };
}

let loaded: Law | undefined;

/** The bundled law, loaded on first use. */
export function law(): Law {
  loaded ??= loadLaw();
  return loaded;
}
