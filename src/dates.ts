import { InputError } from './errors.js';

/** Dates are ISO calendar dates, 'YYYY-MM-DD', compared as strings (lexical order is date order). */
export type IsoDate = string;

const shape = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!shape.test(s)) return false;
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
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
