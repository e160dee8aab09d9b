import { createReadStream, existsSync, truncateSync } from 'node:fs';
import { parse } from 'csv-parse';
import { InputError } from '../errors.js';

export interface Done {
  /** Data rows completely written (the header not counted). */
  readonly rows: number;
  /** Whether the header line is there. */
  readonly header: boolean;
}

/** How far an interrupted run got: counts the complete records of `out` (a record is complete once
 * its line ends) and cuts off a partial last one, so that the run can go on from the next row.
 * The header must be the one this input gives, or the output belongs to another run. */
export async function resumePoint(out: string, expectedHeader: string): Promise<Done> {
  if (!existsSync(out)) return { rows: 0, header: false };
  const parser = createReadStream(out).pipe(parse({ raw: true, info: true, relax_column_count: true, relax_quotes: true, bom: true, skip_records_with_error: true }));
  let records = 0;
  let end = 0;
  let header: string | null = null;
  for await (const r of parser as AsyncIterable<{ raw: string; info: { bytes: number } }>) {
    if (!r.raw.endsWith('\n')) break;
    if (header === null) header = r.raw.replace(/[\r\n]+$/, '');
    records++;
    end = r.info.bytes;
  }
  if (header !== null && header !== expectedHeader) {
    throw new InputError('output', `${out} has the header "${header}", not this input's "${expectedHeader}": it is another run's output`);
  }
  truncateSync(out, end);
  return { rows: Math.max(0, records - 1), header: records > 0 };
}

/** The header line of an input file, as the output repeats it (with the result columns). */
export async function outputHeader(input: string, resultColumns: readonly string[]): Promise<string> {
  const parser = createReadStream(input).pipe(parse({ raw: true, bom: true, relax_column_count: true, relax_quotes: true, to: 1 }));
  for await (const r of parser as AsyncIterable<{ raw: string }>) return `${r.raw.replace(/[\r\n]+$/, '')},${resultColumns.join(',')}`;
  throw new InputError('input', `${input} is empty: it needs a header line`);
}
