import type { IsoDate } from '../dates.js';
import type { Law } from '../law/law.js';

/** Every destination on a date: its Country Groups, AI Diffusion tier and the treatment that applies (`earmark countries`). */
export function countriesAt(law: Law, date: IsoDate) {
  return {
    date,
    countries: law.countries.records.map((r) => {
      const c = law.countries.at(r.iso2, date);
      return {
        iso2: r.iso2,
        iso3: r.iso3,
        name: r.name,
        earName: r.earName,
        treatedAs: r.treatedAs,
        groups: [...c.groups].sort(),
        tier: c.tier,
        indeterminate: r.indeterminate ?? false,
        ...(c.change && c.change.date <= date ? { changedOn: c.change.date, change: c.change.citation } : {}),
      };
    }),
  };
}
