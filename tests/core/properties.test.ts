import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classification/classify.js';
import { itemFromSpecs } from '../../src/chips/catalog.js';
import { law, param } from '../../src/law/law.js';
import type { DestinationSet } from '../../src/law/destinations.js';
import { check } from '../../src/licensing/determine.js';
import { tx } from '../support/cases.js';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}
const rank = (e: string | null) => (e === null ? 0 : e.endsWith('.b') ? 1 : 2);
const dates = ['2022-11-01', '2023-12-01', '2024-06-01', '2025-06-01', '2026-02-15', '2026-08-01'];

describe('properties', () => {
  it('under one version, raising TPP or performance density never makes a controlled chip uncontrolled', () => {
    const r = rng(7);
    for (let i = 0; i < 3000; i++) {
      const date = dates[i % dates.length];
      const tpp = r() * 8000;
      const pd = r() * 10;
      const up = 1 + r();
      const base = rank(classify(law(), itemFromSpecs({ tpp, dieArea: tpp / pd, interconnect: 700 }), date).item.eccn);
      const moreTpp = rank(classify(law(), itemFromSpecs({ tpp: tpp * up, dieArea: (tpp * up) / pd, interconnect: 700 }), date).item.eccn);
      const morePd = rank(classify(law(), itemFromSpecs({ tpp, dieArea: tpp / (pd * up), interconnect: 700 }), date).item.eccn);
      expect(moreTpp, `${date} tpp ${tpp} pd ${pd}`).toBeGreaterThanOrEqual(base);
      expect(morePd, `${date} tpp ${tpp} pd ${pd}`).toBeGreaterThanOrEqual(base);
    }
  });

  it('a destination in more restrictive groups never needs less', () => {
    const l = law();
    const chips = ['nvidia-h100-sxm5-80gb', 'nvidia-a40', 'nvidia-rtx-4090', 'nvidia-h200-sxm'];
    const restrictive = (g: ReadonlySet<string>) => new Set([...g].filter((x) => x.startsWith('D:') || x.startsWith('E:')));
    const permissive = (g: ReadonlySet<string>) => new Set([...g].filter((x) => x === 'A:5' || x === 'A:6'));
    for (const date of dates) {
      // Destinations the rule names expressly (China in 2022, Macau, the UAE) stand outside the group logic.
      const named = new Set(param<DestinationSet>(l, 'destinations.ab', date)?.value?.countries ?? []);
      const countries = l.countries.records.filter((c) => !c.indeterminate && !c.treatedAs && !named.has(c.iso2));
      for (const chip of chips) {
        const need = new Map(countries.map((c) => [c.iso2, check(l, tx({ chip, to: c.iso2 }, date), 'enforced').licenseRequired]));
        for (const a of countries) {
          const ga = l.countries.at(a.iso2, date).groups;
          for (const b of countries) {
            const gb = l.countries.at(b.iso2, date).groups;
            const moreRestrictive = [...restrictive(ga)].every((g) => gb.has(g)) && [...permissive(gb)].every((g) => ga.has(g));
            if (moreRestrictive && need.get(a.iso2)) expect(need.get(b.iso2), `${chip} ${date}: ${a.iso2} needs a licence, ${b.iso2} must too`).toBe(true);
          }
        }
      }
    }
  });

  it('adding a D:5 parent never removes a licence requirement', () => {
    const l = law();
    const r = rng(11);
    const chips = l.chips.chips.map((c) => c.id);
    const places = ['CN', 'SG', 'MY', 'DE', 'AE', 'SA', 'VN', 'IN', 'US', 'KH', 'MO'];
    for (let i = 0; i < 1500; i++) {
      const chip = chips[Math.floor(r() * chips.length)];
      const to = places[Math.floor(r() * places.length)];
      const date = dates[Math.floor(r() * dates.length)];
      const without = check(l, tx({ chip, to }, date), 'both');
      const withParent = check(l, tx({ chip, to, parentHq: 'CN' }, date), 'both');
      if (without.licenseRequired) expect(withParent.licenseRequired, `${chip} ${to} ${date}`).toBe(true);
      if (without.codified!.licenseRequired) expect(withParent.codified!.licenseRequired, `${chip} ${to} ${date} codified`).toBe(true);
    }
  });
});
