import { InputError } from './errors.js';

/** Dates are ISO calendar dates, 'YYYY-MM-DD', compared as strings (lexical order is date order). */
export type IsoDate = string;

const shape = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!shape.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Validates a user-given date; `field` names the option in the error. */
export function parseDate(s: string, field = 'date'): IsoDate {
  if (!isIsoDate(s)) throw new InputError(field, `"${s}" is not a calendar date in the form YYYY-MM-DD`);
  return s;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in UTC. Only the edges (CLI, server) call this; the core takes the date as an input. */
export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}
