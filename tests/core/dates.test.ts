import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, parseDate } from '../../src/dates.js';

describe('calendar dates', () => {
  it('accepts real dates and refuses impossible ones', () => {
    for (const d of ['2022-10-07', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isIsoDate(d), d).toBe(true);
    for (const d of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '20240101', '2024-01-01T00:00'])
      expect(isIsoDate(d), d).toBe(false);
  });
  it('agrees with the Date object on every day of 2023-2025', () => {
    for (let d = '2023-01-01'; d < '2026-01-01'; d = addDays(d, 1)) expect(isIsoDate(d)).toBe(true);
  });
  it('names the field in its error', () => {
    expect(() => parseDate('2024-02-30', 'valid-until')).toThrow(/^valid-until: "2024-02-30" is not a calendar date/);
  });
});
