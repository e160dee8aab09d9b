import type { Confidence } from '../findings.js';
import type { IsoDate } from '../dates.js';

/** Where a value comes from: the paragraph of 15 CFR, the public source read, and how sure it is. */
export interface Sourced {
  readonly citation: string;
  readonly source: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

/** One value of a parameter and the date from which it holds (until the next value; null ends it). */
export interface Dated<T> extends Sourced {
  readonly from: IsoDate;
  readonly value: T | null;
}

/** A dated parameter, OpenFisca style: a description and values keyed by effective date. */
export interface Parameter<T = unknown> {
  readonly name: string;
  readonly description: string;
  readonly values: readonly Dated<T>[];
}

interface RawParameter {
  description: string;
  values: Record<string, { value: unknown } & Sourced>;
}

/** Reads a YAML/JSON parameter file's object into parameters with their values sorted by date. */
export function parametersFrom(raw: Record<string, RawParameter>): Parameter[] {
  return Object.entries(raw).map(([name, p]) => ({
    name,
    description: p.description,
    values: Object.entries(p.values)
      .map(([from, v]) => ({ ...v, from: String(from), value: v.value ?? null }))
      .sort((a, b) => (a.from < b.from ? -1 : 1)),
  }));
}

/** The value in force on `date`, or undefined when none is (not yet in force, or ended). */
export function valueAt<T>(p: Parameter<T>, date: IsoDate): Dated<T> | undefined {
  let found: Dated<T> | undefined;
  for (const v of p.values) {
    if (v.from > date) break;
    found = v;
  }
  return found && found.value !== null ? found : undefined;
}
