import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/dates.js';
import { law } from '../../src/law/law.js';
import { versionAt } from '../../src/law/versions.js';
import { check } from '../../src/licensing/determine.js';
import { tx } from '../support/cases.js';

describe('temporal coverage', () => {
  const l = law();
  it('exactly one rule version applies on every day from 2022-10-07 to the as-of date, in both views', () => {
    for (const view of ['enforced', 'codified'] as const) {
      let prev = versionAt(l.versions, l.coverageStart, view);
      expect(prev?.id).toBe('2022-10-acs');
      for (let d = addDays(l.coverageStart, 1); d <= l.asOf; d = addDays(d, 1)) {
        const v = versionAt(l.versions, d, view);
        expect(v, d).toBeDefined();
        // A change of version happens only on a version's effective date: no gap, no overlap.
        if (v!.id !== prev!.id) expect(v!.effective, `${view} ${d}`).toBe(d);
        prev = v;
      }
    }
  });
  it('rule versions are in order of their effective dates and their ids are unique', () => {
    const dates = l.versions.map((v) => v.effective);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(l.versions.map((v) => v.id)).size).toBe(l.versions.length);
  });
  it('the codified view never reports the non-codified announcements', () => {
    expect(versionAt(l.versions, '2025-06-01', 'codified')!.id).toBe('2025-01-ai-diffusion');
    expect(versionAt(l.versions, '2025-06-01', 'enforced')!.id).toBe('2025-05-non-enforcement');
  });
  describe('around every boundary, the day before and the day of', () => {
    const probes = [
      { input: { chip: 'nvidia-h800-sxm5', to: 'CN' } },
      { input: { chip: 'nvidia-h100-sxm5-80gb', to: 'AE' } },
      { input: { chip: 'nvidia-h100-sxm5-80gb', to: 'MY', parentHq: 'CN' } },
      { input: { chip: 'nvidia-a100-sxm4-80gb', to: 'MO' } },
      { input: { chip: 'nvidia-h200-sxm', to: 'KH' } },
    ];
    for (const b of law().boundaries.filter((d) => d > law().coverageStart)) {
      it(b, () => {
        for (const p of probes) {
          for (const date of [addDays(b, -1), b]) {
            const d = check(l, tx(p.input, date), 'both');
            expect(d.ruleVersion).toBe(versionAt(l.versions, date, 'enforced')!.id);
            expect(d.codified!.ruleVersion).toBe(versionAt(l.versions, date, 'codified')!.id);
            expect([true, false, null]).toContain(d.licenseRequired);
            if (d.licenseRequired) expect(d.reviewPolicy).not.toBeNull();
            else expect(d.reviewPolicy).toBeNull();
          }
        }
      });
    }
  });
});
