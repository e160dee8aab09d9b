import { distance } from 'fastest-levenshtein';
import type { Confidence } from '../findings.js';
import { InputError } from '../errors.js';
import { performanceDensity, tppOf } from './metrics.js';

/** A catalogued accelerator as stored in data/catalog/chips.json. */
export interface ChipRecord {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly architecture: string | null;
  readonly launchDate: string | null;
  readonly status: string | null;
  readonly marketedForDatacenter: boolean;
  readonly designedForChinaMarket: boolean;
  readonly processNode: string | null;
  /** Dense peak throughput per precision, in TFLOPS or TOPS. */
  readonly denseTera: Readonly<Record<string, number>>;
  /** A TPP figure from the sources where per-precision throughput is unknown. */
  readonly tppEstimate: number | null;
  readonly dieAreaMm2: number | null;
  readonly dieCount: number | null;
  readonly dieAreaConfidence: string | null;
  readonly dieAreaNote: string | null;
  readonly interconnect: { readonly name: string | null; readonly bidirectionalGBs: number | null };
  readonly hostInterfaceGBs: number | null;
  readonly memory: { readonly type?: string; readonly capacityGB?: number; readonly bandwidthGBs?: number | null } | null;
  readonly tdpW: number | null;
  readonly publishedTpp: number | null;
  readonly confidence: string;
  readonly notes: readonly string[];
  readonly sources: readonly string[];
}

/** What is classified: an IC from the catalog or from a user's specs, a computer holding such ICs,
 * or a stand-alone HBM stack. Unknown numbers are null and are named when they decide the answer. */
export interface Item {
  readonly id: string;
  readonly name: string;
  readonly vendor: string | null;
  readonly kind: 'ic' | 'hbm';
  readonly tpp: number | null;
  readonly tppPrecision: string | null;
  /** True when TPP is a published estimate rather than computed from per-precision throughput. */
  readonly tppEstimated: boolean;
  readonly dieAreaMm2: number | null;
  readonly performanceDensity: number | null;
  /** Aggregate bidirectional transfer rate to ICs other than volatile memory (the 2022 test). */
  readonly bidirectionalGBs: number | null;
  /** Total DRAM (HBM) bandwidth attached to the chip (the January 2026 review-policy metric). */
  readonly memoryBandwidthGBs: number | null;
  readonly datacenter: boolean;
  readonly hbmDensity: number | null;
  /** Number of ICs when the item is a computer or server holding them (ECCN 4A090), else null. */
  readonly computerOf: number | null;
  readonly confidence: Confidence;
  readonly sources: readonly string[];
}

export function confidenceOf(s: string): Confidence {
  if (s === 'high') return 'high';
  if (s === 'medium') return 'medium';
  return 'low';
}

/** The catalog item for a chip: TPP from its dense throughput (or its published estimate), PD from its die area.
 * Built once per chip and shared: items are immutable, and results computed for an item can be kept with it. */
export function itemFromChip(chip: ChipRecord): Item {
  let item = chipItems.get(chip);
  if (!item) chipItems.set(chip, (item = buildItem(chip)));
  return item;
}

const chipItems = new WeakMap<ChipRecord, Item>();

function buildItem(chip: ChipRecord): Item {
  const computed = tppOf(chip.denseTera);
  const tpp = computed?.tpp ?? chip.tppEstimate;
  const c2c = chip.interconnect.bidirectionalGBs;
  return {
    id: chip.id,
    name: chip.name,
    vendor: chip.vendor,
    kind: 'ic',
    tpp,
    tppPrecision: computed?.precision ?? null,
    tppEstimated: !computed && tpp !== null,
    dieAreaMm2: chip.dieAreaMm2,
    performanceDensity: tpp !== null && chip.dieAreaMm2 ? performanceDensity(tpp, chip.dieAreaMm2) : null,
    bidirectionalGBs: c2c === null ? null : c2c + (chip.hostInterfaceGBs ?? 0),
    memoryBandwidthGBs: chip.memory?.bandwidthGBs ?? null,
    datacenter: chip.marketedForDatacenter,
    hbmDensity: null,
    computerOf: null,
    confidence: computed ? confidenceOf(chip.confidence) : 'low',
    sources: chip.sources,
  };
}

export interface Specs {
  readonly tpp?: number;
  readonly dieArea?: number;
  readonly interconnect?: number;
  readonly memoryBandwidth?: number;
  readonly notDatacenter?: boolean;
  readonly hbmDensity?: number;
}

/** An item from specs a user gives (`--tpp ...` or `--hbm-density ...`). */
export function itemFromSpecs(s: Specs): Item {
  for (const [field, v] of Object.entries(s)) {
    if (typeof v === 'number' && !(Number.isFinite(v) && v >= 0)) throw new InputError(field, `must be a number of 0 or more, got ${v}`);
  }
  if (s.hbmDensity !== undefined) {
    if (s.tpp !== undefined) throw new InputError('hbm-density', 'give either --tpp (an IC) or --hbm-density (an HBM stack), not both');
    return {
      id: 'custom-hbm', name: `HBM stack, ${s.hbmDensity} GB/s/mm2`, vendor: null, kind: 'hbm',
      tpp: null, tppPrecision: null, tppEstimated: false, dieAreaMm2: null, performanceDensity: null,
      bidirectionalGBs: null, memoryBandwidthGBs: s.memoryBandwidth ?? null, datacenter: true,
      hbmDensity: s.hbmDensity, computerOf: null, confidence: 'high', sources: ['user input'],
    };
  }
  if (s.tpp === undefined) throw new InputError('tpp', 'give --chip ID, --tpp N or --hbm-density X');
  if (s.dieArea === 0) throw new InputError('die-area', 'must be greater than 0');
  return {
    id: 'custom', name: `IC with TPP ${s.tpp}`, vendor: null, kind: 'ic',
    tpp: s.tpp, tppPrecision: null, tppEstimated: false,
    dieAreaMm2: s.dieArea ?? null,
    performanceDensity: s.dieArea ? performanceDensity(s.tpp, s.dieArea) : null,
    bidirectionalGBs: s.interconnect ?? null,
    memoryBandwidthGBs: s.memoryBandwidth ?? null,
    datacenter: !s.notDatacenter,
    hbmDensity: null, computerOf: null, confidence: 'high', sources: ['user input'],
  };
}

/** A computer or server holding `count` of the IC (ECCN 4A090 follows the IC's 3A090 paragraph). */
export function asComputer(item: Item, count: number): Item {
  if (!Number.isInteger(count) || count < 1) throw new InputError('computer', `must be a whole number of ICs, 1 or more, got ${count}`);
  if (item.kind !== 'ic') throw new InputError('computer', 'only ICs are built into computers; HBM stacks are classified alone');
  let byCount = computers.get(item);
  if (!byCount) computers.set(item, (byCount = new Map()));
  let computer = byCount.get(count);
  if (!computer) byCount.set(count, (computer = { ...item, name: `Computer with ${count} x ${item.name}`, computerOf: count }));
  return computer;
}

const computers = new WeakMap<Item, Map<number, Item>>();

const tokens = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]+/g, '-').split('-').filter(Boolean);

export class ChipCatalog {
  private readonly byId = new Map<string, ChipRecord>();
  private readonly tokenLists: { id: string; tokens: string[] }[] = [];

  constructor(readonly chips: readonly ChipRecord[]) {
    for (const c of chips) {
      this.byId.set(c.id, c);
      this.tokenLists.push({ id: c.id, tokens: [...new Set([...tokens(c.id), ...tokens(c.name)])] });
    }
  }

  get(id: string): ChipRecord | undefined {
    return this.byId.get(id);
  }

  /** A chip by id (any case) or an unambiguous alias such as "h20"; otherwise an error listing the closest ids. */
  resolve(input: string): ChipRecord {
    const key = input.trim().toLowerCase();
    const exact = this.byId.get(key);
    if (exact) return exact;
    const want = tokens(key);
    const matches = want.length ? this.tokenLists.filter((t) => want.every((w) => t.tokens.includes(w))).map((t) => t.id) : [];
    if (matches.length === 1) return this.byId.get(matches[0])!;
    if (matches.length > 1) throw new InputError('chip', `"${input}" is ambiguous: ${matches.join(', ')}`, matches);
    const near = [...this.byId.keys()].sort((a, b) => distance(key, a) - distance(key, b)).slice(0, 5);
    throw new InputError('chip', `unknown chip "${input}"; closest ids: ${near.join(', ')}`, near);
  }
}
