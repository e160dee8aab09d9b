import type { Command } from 'commander';
import { today } from '../../dates.js';
import { law } from '../../law/law.js';
import { transactionFrom } from '../../licensing/input.js';
import { timeline } from '../../licensing/timeline.js';
import { type Io, json } from '../io.js';
import { addItemOptions, type ItemOptions, itemFrom } from '../item-options.js';
import { oneOf } from '../options.js';

const views = ['enforced', 'codified'] as const;

export function registerTimeline(program: Command, io: Io): void {
  addItemOptions(program.command('timeline').description('when was this legal: the answer in every interval since 2022-10-07'))
    .requiredOption('--to <cc>', 'destination country (ISO code)')
    .option('--buyer-hq <cc>', 'where the buyer is headquartered (default: the destination)')
    .option('--parent-hq <cc>', "where the buyer's ultimate parent is headquartered")
    .option('--buyer <name>', 'buyer name')
    .option('--vendor <name>', 'the exporter (is-informed letters bind only their addressee)')
    .option('--export-from <cc>', 'country the item leaves from (default US)')
    .option('--view <view>', 'enforced or codified', oneOf('view', views), 'enforced')
    .option('--json', 'print one JSON object')
    .action((o: ItemOptions & { to: string; buyerHq?: string; parentHq?: string; buyer?: string; vendor?: string; exportFrom?: string; view: (typeof views)[number]; json?: boolean }) => {
      const l = law();
      const now = today();
      const { date: _date, ...tx } = transactionFrom(l, itemFrom(l, o), o, now);
      const intervals = timeline(l, tx, o.view, now);
      if (o.json) return io.out(json({ intervals }));
      for (const i of intervals) {
        const answer = i.licenseRequired === null ? 'indeterminate' : i.licenseRequired ? `licence required${i.reviewPolicy ? `, ${i.reviewPolicy}` : ''}` : 'no licence';
        const ex = i.licenseExceptions.length ? ` (exceptions: ${i.licenseExceptions.join(', ')})` : '';
        io.out(`${i.from} .. ${i.to ?? 'today     '}  ${(i.eccn ?? 'not 3A090').padEnd(9)}  ${answer}${ex}  [${i.ruleVersion}]`);
      }
    });
}
