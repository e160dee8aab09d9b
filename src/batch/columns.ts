import { itemFrom } from '../cli/item-options.js';
import type { IsoDate } from '../dates.js';
import { InputError } from '../errors.js';
import type { Law } from '../law/law.js';
import type { View } from '../law/versions.js';
import type { Determination } from '../licensing/determine.js';
import { transactionFrom } from '../licensing/input.js';
import { type BuyerScreen, decide } from '../licensing/decide.js';

// An order book's columns map onto the CLI's options (snake_case for kebab-case); every other
// column passes through. Each row goes through the CLI's own path: itemFrom, transactionFrom, then
// screening of the buyer and the determination.

export const itemColumns = ['chip', 'tpp', 'die_area', 'interconnect', 'memory_bandwidth', 'not_datacenter', 'hbm_density', 'computer'] as const;
export const orderColumns = ['quantity', 'to', 'buyer', 'buyer_hq', 'parent_hq', 'owner', 'owner_share', 'trains_for', 'vendor', 'export_from'] as const;

/** What the batch appends to every row, in this order. license_required is yes, no or
 * indeterminate; license_exceptions are space-separated; error is empty unless the row failed,
 * and then holds "column: message" with every other result column empty. */
export const resultColumns = ['eccn', 'license_required', 'review_policy', 'license_exceptions', 'rule_version', 'confidence', 'error'] as const;

type Column = (typeof itemColumns)[number] | (typeof orderColumns)[number] | 'date';

/** Where each known column sits in the header. */
export interface Layout {
  readonly header: readonly string[];
  readonly at: ReadonlyMap<Column, number>;
  readonly dateColumn: string;
}

export function layoutOf(header: readonly string[], dateColumn = 'date'): Layout {
  const at = new Map<Column, number>();
  const names = header.map((h) => h.trim().toLowerCase());
  for (const c of [...itemColumns, ...orderColumns]) if (names.includes(c)) at.set(c, names.indexOf(c));
  if (names.includes(dateColumn.toLowerCase())) at.set('date', names.indexOf(dateColumn.toLowerCase()));
  else if (dateColumn !== 'date') throw new InputError('date-column', `the header has no column "${dateColumn}"`, header);
  if (!at.has('to')) throw new InputError('header', 'the header needs a "to" column (the destination)', [...itemColumns, ...orderColumns, 'date']);
  if (!at.has('chip') && !at.has('tpp') && !at.has('hbm_density')) throw new InputError('header', 'the header needs a "chip" column, or "tpp" (or "hbm_density") with the specs', [...itemColumns]);
  for (const r of resultColumns) if (names.includes(r)) throw new InputError('header', `the input already has a "${r}" column, which the batch writes; rename it`);
  return { header, at, dateColumn };
}

const flags: Record<string, boolean> = { '': false, true: true, false: false, yes: true, no: false, y: true, n: false, '1': true, '0': false };

/** One row's cells read as the CLI's options; empty cells are absent. Errors name the column. */
function optionsOf(layout: Layout, cells: readonly string[]) {
  const text = (c: Column) => {
    const i = layout.at.get(c);
    const v = i === undefined ? undefined : cells[i]?.trim();
    return v === '' ? undefined : v;
  };
  const num = (c: Column) => {
    const v = text(c);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new InputError(c, `"${v}" is not a number`);
    return n;
  };
  const flag = text('not_datacenter')?.toLowerCase();
  if (flag !== undefined && !(flag in flags)) throw new InputError('not_datacenter', `"${flag}" is not yes or no`, ['yes', 'no', 'true', 'false', '1', '0']);
  return {
    chip: text('chip'), tpp: num('tpp'), dieArea: num('die_area'), interconnect: num('interconnect'), memoryBandwidth: num('memory_bandwidth'),
    notDatacenter: flag === undefined ? undefined : flags[flag], hbmDensity: num('hbm_density'), computer: num('computer'),
    quantity: num('quantity'), to: text('to'), buyer: text('buyer'), buyerHq: text('buyer_hq'), parentHq: text('parent_hq'), owner: text('owner'), ownerShare: num('owner_share'), trainsFor: text('trains_for'),
    vendor: text('vendor'), exportFrom: text('export_from'), date: text('date'),
  };
}

export interface RowResult {
  /** The result cells, in resultColumns order. */
  readonly cells: string[];
  readonly determination?: Determination;
  readonly licenseRequired: boolean;
}

/** The core names fields as CLI options ("buyer-hq"); a batch row names them as its columns. */
function columnOf(field: string, layout: Layout): string {
  const c = field.replace(/-/g, '_');
  return c === 'date' ? layout.dateColumn : c;
}

export function decideRow(law: Law, screening: BuyerScreen, layout: Layout, cells: readonly string[], today: IsoDate, view: View): RowResult {
  try {
    const o = optionsOf(layout, cells);
    if (o.computer !== undefined && (!Number.isInteger(o.computer) || o.computer < 1)) throw new InputError('computer', `must be a whole number of 1 or more, got ${o.computer}`);
    const d = decide(law, screening, transactionFrom(law, itemFrom(law, o), o, today), view);
    const required = d.licenseRequired === null ? 'indeterminate' : d.licenseRequired ? 'yes' : 'no';
    return {
      cells: [d.item.eccn ?? '', required, d.reviewPolicy ?? '', d.licenseExceptions.join(' '), d.ruleVersion, d.confidence, ''],
      determination: d,
      licenseRequired: d.licenseRequired === true,
    };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const message = e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
    return { cells: ['', '', '', '', '', '', `${columnOf(e.field, layout)}: ${message}`], licenseRequired: false };
  }
}
