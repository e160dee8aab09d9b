import { type AllowanceName, type Precision, allowanceAt, allowances, capacity, precisions } from '../../compute/index.js';
import { parseDate, today } from '../../dates.js';
import { law } from '../../law/law.js';
import { json } from '../io.js';
import { number, oneOf } from '../options.js';
import { quantity, sci } from './compute.js';
import type { Register } from './index.js';

interface Options {
  chip: string;
  count?: number;
  tppBudget?: number;
  allowance?: AllowanceName;
  days?: number;
  utilization?: number;
  precision?: Precision;
  targetFlop?: number;
  date?: string;
  json?: boolean;
}

export const registerCapacity: Register = (program, io) => {
  program
    .command('capacity')
    .description('what an allocation of chips is in TPP and H100-equivalents, and what it can train')
    .requiredOption('--chip <ID>', 'chip (catalog id or alias)')
    .option('--count <N>', 'number of chips', number('count', { integer: true, positive: true }))
    .option('--tpp-budget <T>', 'a TPP allowance (e.g. 26900000)', quantity('tpp-budget'))
    .option('--allowance <NAME>', `an AI Diffusion allowance at --date: ${allowances.join(', ')} (LPP annual cap, Tier 2 country allocation)`, oneOf('allowance', allowances))
    .option('--days <D>', 'days of training', quantity('days'))
    .option('--utilization <U>', 'share of the dense peak achieved, in (0, 1] (default 0.3, assumed)', number('utilization'))
    .option('--precision <P>', `training precision (${precisions.join(', ')})`, oneOf('precision', precisions))
    .option('--target-flop <C>', 'operations to train (e.g. 1e26)', quantity('target-flop'))
    .option('--date <D>', 'date the allowance is read at (default: today)')
    .option('--json', 'print JSON')
    .action((o: Options) => {
      const date = o.date === undefined ? today() : parseDate(o.date);
      const r = capacity({
        chip: law().chips.resolve(o.chip),
        ...(o.count !== undefined ? { count: o.count } : {}),
        ...(o.tppBudget !== undefined ? { tppBudget: o.tppBudget } : {}),
        ...(o.allowance !== undefined ? { allowance: allowanceAt(o.allowance, date) } : {}),
        ...(o.days !== undefined ? { days: o.days } : {}),
        ...(o.utilization !== undefined ? { utilization: o.utilization } : {}),
        ...(o.precision !== undefined ? { precision: o.precision } : {}),
        ...(o.targetFlop !== undefined ? { targetFlop: o.targetFlop } : {}),
      });
      if (o.json) {
        io.out(json(r));
        return;
      }
      const lines: string[] = [];
      if (r.allowance) {
        const a = r.allowance;
        lines.push(`Allowance ${a.name}: ${a.tpp.toLocaleString('en-US')} TPP = ${a.h100Equivalents.toFixed(1)} H100-equivalents [${a.citation}; ${a.confidence} confidence; ${a.source}]`, `  ${a.note}`);
      }
      lines.push(`${r.chips.toLocaleString('en-US')} x ${r.chip} (TPP ${r.chipTpp} each) = ${r.tpp.toLocaleString('en-US')} TPP = ${r.h100Equivalents.toFixed(1)} H100-equivalents`);
      if (r.days !== undefined && r.trainableFlop !== undefined) {
        lines.push(`${sci(r.trainableFlop)} operations in ${r.days.toFixed(1)} days at ${r.utilization} utilisation of the dense ${r.precision} peak`);
      }
      if (r.daysForTarget !== undefined) lines.push(`The target needs ${r.daysForTarget.toFixed(1)} days`);
      for (const n of r.notes) lines.push(`Note: ${n}`);
      io.out(lines.join('\n'));
    });
};
