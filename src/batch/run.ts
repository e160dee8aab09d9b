import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { IsoDate } from '../dates.js';
import type { Law } from '../law/law.js';
import type { View } from '../law/versions.js';
import type { Determination } from '../licensing/determine.js';
import type { BuyerScreen } from '../licensing/decide.js';
import { decideRow, layoutOf, resultColumns } from './columns.js';

export interface BatchOptions {
  readonly law: Law;
  /** How each row's buyer is screened against the restricted-party lists. */
  readonly screening: BuyerScreen;
  /** The date of rows with an empty date cell. */
  readonly today: IsoDate;
  readonly view: View;
  readonly dateColumn: string;
  /** Data rows an earlier run already wrote: read past, not decided or written again. */
  readonly skipRows: number;
  /** False when resuming an output that already has its header line. */
  readonly writeHeader: boolean;
  /** Called for every decided row, in order, before its line is written (the audit trail). */
  readonly record?: (row: number, input: Record<string, string>, d: Determination) => Promise<void>;
  /** Called every few hundred rows: rows done so far, input bytes read so far. */
  readonly progress?: (rows: number, bytes: number) => void;
}

export interface BatchStats {
  rows: number;
  licencesRequired: number;
  errors: number;
  skipped: number;
}

/** A parsed input record, or a record the CSV parser could not read. */
type Rec = { cells: string[]; raw: string } | { unreadable: string };

/** The input's records in order. A record the parser cannot read (an unclosed quote, an oversized
 * record) comes through as an error in its place, so that it still gets its output row. */
async function* records(input: Readable, bytes: { read: number }): AsyncGenerator<Rec> {
  const parser = parse({ raw: true, relax_column_count: true, relax_quotes: true, bom: true, skip_records_with_error: true, max_record_size: 1 << 20 });
  const unreadable: { after: number; message: string }[] = [];
  parser.on('skip', (e: Error) => unreadable.push({ after: parser.info.records, message: e.message }));
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let n = 0;
  for await (const r of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    while (unreadable.length && unreadable[0].after <= n) yield { unreadable: unreadable.shift()!.message };
    n++;
    bytes.read = parser.info.bytes;
    yield { cells: r.record, raw: r.raw.replace(/[\r\n]+$/, '') };
  }
  for (const u of unreadable) yield { unreadable: u.message };
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The output, a line at a time: the header, then one line per input row, each input row's text
 * untouched, followed by the result columns. Memory stays flat whatever the input's size. */
export async function* batchLines(input: Readable, o: BatchOptions, stats: BatchStats): AsyncGenerator<string> {
  const bytes = { read: 0 };
  const source = records(input, bytes);
  const first = await source.next();
  if (first.done || 'unreadable' in first.value) throw new Error('the input has no readable header line');
  const layout = layoutOf(first.value.cells, o.dateColumn);
  const width = first.value.cells.length;
  if (o.writeHeader) yield `${first.value.raw},${resultColumns.join(',')}\n`;
  const blank = ','.repeat(width - 1);
  let row = 0;
  for await (const r of source) {
    row++;
    if (row <= o.skipRows) {
      stats.skipped++;
      continue;
    }
    stats.rows++;
    if (row % 500 === 0) o.progress?.(stats.rows, bytes.read);
    if ('unreadable' in r) {
      stats.errors++;
      yield `${blank},${',,,,,,'}${quote(`row: unreadable CSV: ${r.unreadable}`)}\n`;
      continue;
    }
    const result = decideRow(o.law, o.screening, layout, r.cells, o.today, o.view);
    if (result.cells[6]) stats.errors++;
    if (result.licenseRequired) stats.licencesRequired++;
    if (result.determination && o.record) {
      await o.record(row, Object.fromEntries(layout.header.map((h, i) => [h, r.cells[i] ?? ''])), result.determination);
    }
    const pad = r.cells.length < width ? ','.repeat(width - r.cells.length) : '';
    yield `${r.raw}${pad},${result.cells.map(quote).join(',')}\n`;
  }
  o.progress?.(stats.rows, bytes.read);
}
