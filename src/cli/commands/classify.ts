import type { Command } from 'commander';
import { classify } from '../../classification/classify.js';
import { parseDate, today } from '../../dates.js';
import { law } from '../../law/law.js';
import { recordEvent } from '../../audit/record.js';
import { type Io, json } from '../io.js';
import { addItemOptions, type ItemOptions, itemFrom } from '../item-options.js';
import { printFindings } from '../text.js';

export function registerClassify(program: Command, io: Io): void {
  addItemOptions(program.command('classify').description('ECCN of a chip, a computer of chips or an HBM stack on a date (3A090/4A090)'))
    .option('--date <yyyy-mm-dd>', 'date of the export (default today)')
    .option('--json', 'print one JSON object')
    .option('--data-dir <dir>', 'where the audit trail is kept (default EARMARK_DATA_DIR or ~/.earmark)')
    .option('--record', 'write the classification to the audit trail (15 CFR 762)')
    .action(async (o: ItemOptions & { date?: string; json?: boolean; dataDir?: string; record?: boolean }) => {
      const l = law();
      const item = itemFrom(l, o);
      const c = classify(l, item, o.date ? parseDate(o.date) : today());
      const { date, ruleVersion, item: it, findings, confidence } = c;
      const output = { date, ruleVersion, item: it, confidence, findings };
      if (o.record) {
        const { json: _json, record: _record, dataDir, ...input } = o;
        await recordEvent(io, { dataDir }, { kind: 'classification', input, output, ruleVersion });
      }
      if (o.json) return io.out(json(output));
      io.out(`${it.id} on ${date}: ${it.eccn ?? (c.indeterminate ? `indeterminate (missing ${c.missing.join(', ')})` : 'not 3A090/4A090')}`);
      io.out(`TPP ${it.tpp ?? 'unknown'}, performance density ${it.performanceDensity ?? 'unknown'}; rule version ${ruleVersion}; confidence ${confidence}`);
      printFindings(io, findings);
    });
}
