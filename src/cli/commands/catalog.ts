import type { Command } from 'commander';
import { chipsAt } from '../../chips/listing.js';
import { countriesAt } from '../../countries/listing.js';
import { parseDate, today } from '../../dates.js';
import { law } from '../../law/law.js';
import { type Io, json } from '../io.js';

const pad = (s: unknown, n: number) => String(s ?? '').padEnd(n);

export function registerCatalog(program: Command, io: Io): void {
  program.command('chips').description('the chip catalog with TPP, performance density and classification on a date')
    .option('--date <yyyy-mm-dd>', 'date (default today)')
    .option('--json', 'print one JSON object')
    .action((o: { date?: string; json?: boolean }) => {
      const r = chipsAt(law(), o.date ? parseDate(o.date) : today());
      if (o.json) return io.out(json(r));
      io.out(`${pad('id', 28)}${pad('TPP', 11)}${pad('PD', 8)}${pad('ECCN', 10)}confidence   (on ${r.date})`);
      for (const c of r.chips) io.out(`${pad(c.id, 28)}${pad(c.tpp ?? '?', 11)}${pad(c.performanceDensity ?? '?', 8)}${pad(c.eccn ?? (c.indeterminate ? `? ${c.missing.join(',')}` : '-'), 10)}${c.confidence}`);
    });
  program.command('countries').description('Country Groups and AI Diffusion tier of every destination on a date')
    .option('--date <yyyy-mm-dd>', 'date (default today)')
    .option('--json', 'print one JSON object')
    .action((o: { date?: string; json?: boolean }) => {
      const r = countriesAt(law(), o.date ? parseDate(o.date) : today());
      if (o.json) return io.out(json(r));
      for (const c of r.countries) io.out(`${c.iso2}  ${pad(c.name, 34)}tier ${c.tier}  ${c.treatedAs ? `as ${c.treatedAs}` : c.groups.join(' ') || '(none)'}`);
    });
  program.command('rules').description('the rule versions, oldest first')
    .option('--json', 'print one JSON object')
    .action((o: { json?: boolean }) => {
      const { versions, coverageStart, asOf } = law();
      if (o.json) return io.out(json({ coverageStart, asOf, versions }));
      for (const v of versions) io.out(`${v.effective}  ${pad(v.id, 26)}${pad(v.status, 22)}${v.citation}`);
    });
}
