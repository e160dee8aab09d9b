import type { Command } from 'commander';
import { today } from '../../dates.js';
import { law } from '../../law/law.js';
import type { Determination } from '../../licensing/determine.js';
import { transactionFrom, type TransactionInput } from '../../licensing/input.js';
import { openScreening } from '../../screening/index.js';
import { decide, screenBuyer } from '../../licensing/decide.js';
import { recordEvent } from '../../audit/record.js';
import { type Io, json } from '../io.js';
import { addItemOptions, type ItemOptions, itemFrom } from '../item-options.js';
import { number, oneOf } from '../options.js';
import { printFindings } from '../text.js';

const views = ['enforced', 'codified', 'both'] as const;

interface CheckOptions extends ItemOptions, TransactionInput {
  view: (typeof views)[number];
  json?: boolean;
  dataDir?: string;
  record?: boolean;
}

export function registerCheck(program: Command, io: Io): void {
  addItemOptions(program.command('check').description('may this be shipped, to them, there, on that day, and why'))
    .requiredOption('--to <cc>', 'destination country (ISO code)')
    .option('--date <yyyy-mm-dd>', 'date of the export (default today)')
    .option('--quantity <n>', 'number of items (default 1)', number('quantity', { integer: true, min: 1 }))
    .option('--buyer <name>', 'buyer (screened against the lists in service)')
    .option('--buyer-hq <cc>', 'where the buyer is headquartered (default: the destination)')
    .option('--parent-hq <cc>', "where the buyer's ultimate parent is headquartered")
    .option('--owner <name>', 'a party owning part of the buyer (screened; the Affiliates rule)')
    .option('--owner-share <percent>', "the owner's share of the buyer, 0-100", number('owner-share', { min: 0 }))
    .option('--trains-for <cc>', 'the items will train AI models for a party headquartered here (IaaS, rented clusters)')
    .option('--vendor <name>', 'the exporter (is-informed letters bind only their addressee)')
    .option('--export-from <cc>', 'country the item leaves from (default US)')
    .option('--view <view>', 'enforced, codified or both', oneOf('view', views), 'enforced')
    .option('--json', 'print one JSON object')
    .option('--data-dir <dir>', 'where the ledger, audit trail and imported lists are kept (default EARMARK_DATA_DIR or ~/.earmark)')
    .option('--record', 'write the determination to the audit trail (15 CFR 762)')
    .action(async (o: CheckOptions) => {
      const l = law();
      const tx = transactionFrom(l, itemFrom(l, o), o, today());
      const d = decide(l, screenBuyer(openScreening(io.env, o.dataDir)), tx, o.view);
      if (o.record) {
        const { json: _json, record: _record, dataDir, ...input } = o;
        await recordEvent(io, { dataDir }, { kind: 'determination', input, output: d, ruleVersion: d.ruleVersion });
      }
      if (o.json) return io.out(json(d));
      printDetermination(io, d);
      if (d.codified) {
        io.out('');
        io.out('Codified (AI Diffusion text as it stands in the CFR):');
        printDetermination(io, d.codified);
      }
    });
}

export function headline(d: Determination): string {
  const answer = d.licenseRequired === null ? 'INDETERMINATE' : d.licenseRequired ? 'LICENCE REQUIRED' : 'NO LICENCE REQUIRED';
  const policy = d.reviewPolicy ? `, ${d.reviewPolicy}` : '';
  const ex = d.licenseExceptions.length ? `; exceptions available: ${d.licenseExceptions.join(', ')}` : '';
  return `${answer}${policy}${ex}`;
}

function printDetermination(io: Io, d: Determination): void {
  io.out(`${headline(d)}  [${d.view} view]`);
  io.out(`${d.item.id}: ${d.item.eccn ?? 'not 3A090/4A090'} (TPP ${d.item.tpp ?? 'unknown'}, PD ${d.item.performanceDensity ?? 'unknown'}) on ${d.date}; rule version ${d.ruleVersion}; confidence ${d.confidence}`);
  printFindings(io, d.findings);
}
