import { parseDate, today } from '../../dates.js';
import { InputError } from '../../errors.js';
import type { View } from '../../law/versions.js';
import { type WeightsAnswer, modelCatalog, modelReport, weightsAnswer } from '../../weights/index.js';
import { type Io, json } from '../io.js';
import { printFindings } from '../text.js';
import { number, oneOf } from '../options.js';
import { quantity, sci, usd } from './compute.js';
import type { Register } from './index.js';

const views = ['enforced', 'codified', 'both'] as const;
const weightsKinds = ['published', 'unpublished'] as const;

interface Options {
  date?: string;
  to?: string;
  buyerHq?: string;
  parentHq?: string;
  view: View | 'both';
  weights?: (typeof weightsKinds)[number];
  flop?: number;
  price?: number;
  json?: boolean;
}

function printAnswer(io: Io, a: WeightsAnswer & { readonly codified?: WeightsAnswer }): void {
  const licence = a.licenseRequired === null ? 'INDETERMINATE' : a.licenseRequired ? 'LICENCE REQUIRED' : 'NO LICENCE REQUIRED';
  io.out(`${licence}${a.reviewPolicy ? `, ${a.reviewPolicy}` : ''}${a.licenseExceptions.length ? `; exceptions available: ${a.licenseExceptions.join(', ')}` : ''}${a.escalate ? '; ESCALATE' : ''}  [${a.view} view]`);
  io.out(`ECCN ${a.eccn ?? 'none (not 4E091)'} on ${a.date}; rule version ${a.ruleVersion}; confidence ${a.confidence}`);
  printFindings(io, a.findings);
  if (a.codified) {
    io.out('');
    io.out('Codified (AI Diffusion text as it stands in the CFR):');
    printAnswer(io, a.codified);
  }
}

export const registerModel: Register = (program, io) => {
  program
    .command('model')
    .description('a catalogued training run: compute, cost and ECCN 4E091 status of its weights at a date')
    .argument('[id]', 'model id from the catalog (e.g. deepseek-v3); omit with --flop for a model not catalogued')
    .option('--date <D>', 'date of the export (default: today)')
    .option('--to <CC>', 'destination country')
    .option('--buyer-hq <CC>', 'where the recipient is headquartered (default: the destination)')
    .option('--parent-hq <CC>', "where the recipient's ultimate parent is headquartered (default: the buyer's)")
    .option('--view <VIEW>', `${views.join('|')}: the codified text, what BIS enforces, or both`, oneOf('view', views), 'enforced')
    .option('--weights <KIND>', `${weightsKinds.join('|')}: what-if, whatever the catalog says`, oneOf('weights', weightsKinds))
    .option('--flop <C>', 'training operations of a model not in the catalog (e.g. 3e26)', quantity('flop'))
    .option('--price <USD_PER_GPU_HOUR>', 'cost the GPU-hours at this price', number('price', { min: 0 }))
    .option('--json', 'print JSON')
    .action((id: string | undefined, o: Options) => {
      const date = o.date === undefined ? today() : parseDate(o.date);
      const parties = {
        ...(o.to !== undefined ? { to: o.to } : {}),
        ...(o.buyerHq !== undefined ? { buyerHq: o.buyerHq } : {}),
        ...(o.parentHq !== undefined ? { parentHq: o.parentHq } : {}),
      };
      if (id === undefined) {
        if (o.flop === undefined) {
          const ids = modelCatalog().models.map((m) => m.id);
          throw new InputError('model', `give a model id (${ids.join(', ')}) or --flop C`, ids);
        }
        const a = weightsAnswer({ trainingFlop: o.flop, published: o.weights === 'published', date, ...parties }, o.view);
        if (o.json) return io.out(json({ id: null, trainingCompute: { flop: o.flop, method: 'as given', estimates: [] }, cost: null, ...a }));
        io.out(`Model trained with ${sci(o.flop)} operations, weights ${o.weights ?? 'unpublished'}`);
        return printAnswer(io, a);
      }
      if (o.flop !== undefined) throw new InputError('flop', 'give either a model id or --flop, not both');
      const r = modelReport(id, { date, view: o.view, ...parties, ...(o.price !== undefined ? { usdPerGpuHour: o.price } : {}), ...(o.weights ? { weights: o.weights } : {}) });
      if (o.json) {
        io.out(json(r));
        return;
      }
      const tc = r.trainingCompute;
      const lines = [
        `${r.id}: ${r.name} (${r.developer}, released ${r.releaseDate}) on ${r.date}`,
        `Training compute: ${tc.flop === null ? 'unknown' : sci(tc.flop)} operations (${tc.method})`,
        ...tc.estimates.map((e) => `  estimate ${sci(e.flop)}: ${e.method} [${e.source}]`),
        ...(tc.impliedUtilization ? [`  implied utilisation ${(tc.impliedUtilization.value * 100).toFixed(1)}%: ${tc.impliedUtilization.basis}`] : []),
        ...tc.notes.map((n) => `  ${n}`),
        `Cost: ${r.cost ? `${usd(r.cost.usd)} (${r.cost.basis})` : 'unknown'}`,
        `Weights: ${r.weights.publishedOnDate ? 'published' : 'unpublished'} on ${r.date} (${r.weights.asGiven ? 'as given' : r.weights.basis})`,
      ];
      io.out(lines.join('\n'));
      printAnswer(io, r);
    });
};
