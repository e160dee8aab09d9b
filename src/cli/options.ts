import { InputError } from '../errors.js';

/** Option parsers that name the field in their error (commander passes the raw string). */
export function number(field: string, opts: { min?: number; integer?: boolean; positive?: boolean } = {}) {
  return (raw: string): number => {
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v)) throw new InputError(field, `"${raw}" is not a number`);
    if (opts.integer && !Number.isInteger(v)) throw new InputError(field, `must be a whole number, got ${raw}`);
    if (opts.positive && v <= 0) throw new InputError(field, `must be greater than 0, got ${raw}`);
    if (opts.min !== undefined && v < opts.min) throw new InputError(field, `must be ${opts.min} or more, got ${raw}`);
    return v;
  };
}

export function oneOf<T extends string>(field: string, allowed: readonly T[]) {
  return (raw: string): T => {
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    throw new InputError(field, `"${raw}" is not allowed; use one of ${allowed.join(', ')}`, allowed);
  };
}
