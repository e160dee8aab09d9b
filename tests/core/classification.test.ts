import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classification/classify.js';
import { itemFromChip, itemFromSpecs } from '../../src/chips/catalog.js';
import { law } from '../../src/law/law.js';
import { readCases } from '../support/cases.js';

const { cases } = readCases<{ cases: Record<string, string | null>[] }>('catalog-classification.yaml');

describe('every catalogued chip under the 2022 and 2023 tests', () => {
  it('covers the whole catalog', () => {
    expect(cases.map((c) => c.chip).sort()).toEqual(law().chips.chips.map((c) => c.id).sort());
  });
  for (const c of cases) {
    for (const date of ['2023-03-01', '2023-12-01']) {
      it(`${c.chip} on ${date} is ${c[date] ?? 'not 3A090'}`, () => {
        const r = classify(law(), itemFromChip(law().chips.get(c.chip!)!), date);
        const want = c[date];
        if (want?.startsWith('indeterminate')) {
          expect(r.item.eccn).toBeNull();
          expect(r.indeterminate).toBe(true);
          expect(r.missing).toContain(want.split(': ')[1]);
        } else {
          expect(r.item.eccn).toBe(want);
          expect(r.indeterminate).toBe(false);
        }
        expect(r.findings.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('classification cases of regs-cases.md', () => {
  const at = (chip: string, date: string) => classify(law(), itemFromChip(law().chips.get(chip)!), date);
  it('C01: A100 in November 2022 meets both limbs of the 2022 test', () => {
    const r = at('nvidia-a100-sxm4-80gb', '2022-11-15');
    expect(r.item.eccn).toBe('3A090.a');
    expect(r.item.tpp).toBe(4992);
  });
  it('C12: the RTX 4090 is 3A090.a and notification-eligible as a non-datacenter part', () => {
    const r = at('nvidia-rtx-4090', '2023-12-01');
    expect(r.item.eccn).toBe('3A090.a');
    expect(r.notificationEligible).toBe(true);
    expect(r.findings.some((f) => /notification-eligible/.test(f.text) && f.citation.includes('Note 2'))).toBe(true);
  });
  it('C14: TPP 3000 at PD 2.0 is 3A090.b.1', () => {
    const r = classify(law(), itemFromSpecs({ tpp: 3000, dieArea: 1500 }), '2023-12-01');
    expect(r.item.eccn).toBe('3A090.b');
    expect(r.item.performanceDensity).toBe(2);
  });
  it('C16: an HBM stack above 2 GB/s/mm2 is 3A090.c from 2024-12-02, and nothing before', () => {
    expect(classify(law(), itemFromSpecs({ hbmDensity: 5 }), '2024-12-02').item.eccn).toBe('3A090.c');
    expect(classify(law(), itemFromSpecs({ hbmDensity: 5 }), '2024-12-01').item.eccn).toBeNull();
    expect(classify(law(), itemFromSpecs({ hbmDensity: 2 }), '2025-01-15').item.eccn).toBeNull();
  });
  it('the 2023 thresholds hold at their boundaries (comparators "or more" and "less than")', () => {
    const c = (tpp: number, pd: number) => classify(law(), itemFromSpecs({ tpp, dieArea: tpp / pd }), '2024-01-01').item.eccn;
    expect(c(4800, 1)).toBe('3A090.a');
    expect(c(4799, 1)).toBeNull();
    expect(c(1600, 5.92)).toBe('3A090.a');
    expect(c(1599, 5.92)).toBeNull();
    expect(c(2400, 1.6)).toBe('3A090.b');
    expect(c(2400, 1.59)).toBeNull();
    expect(c(1600, 3.2)).toBe('3A090.b');
    expect(c(1600, 3.19)).toBeNull();
  });
  it('a computer holding 3A090.a ICs is 4A090.a with the aggregate TPP', () => {
    const item = { ...itemFromChip(law().chips.get('nvidia-h100-sxm5-80gb')!), computerOf: 8 };
    const r = classify(law(), item, '2024-01-01');
    expect(r.item.eccn).toBe('4A090.a');
    expect(r.item.tpp).toBe(8 * 15832);
  });
  it('refuses a date before coverage, naming the field', () => {
    expect(() => at('nvidia-h100-sxm5-80gb', '2022-10-06')).toThrow(/^date: .*coverage/);
  });
  it('answers past the as-of date with a finding that later changes are unknown', () => {
    const r = at('nvidia-h100-sxm5-80gb', '2027-06-01');
    expect(r.item.eccn).toBe('3A090.a');
    expect(r.findings.some((f) => /later changes are unknown/.test(f.text))).toBe(true);
  });
});
