import { type Precision, estimateTraining, precisions } from '../../compute/index.js';
import { InputError } from '../../errors.js';
import { law } from '../../law/law.js';
import { json } from '../io.js';
import { number, oneOf } from '../options.js';
import type { Register } from './index.js';

const suffixes: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/** A count that may carry a K/M/B/T suffix ("37B", "14.8T") or be written 3.7e10; must be > 0. */
export function quantity(field: string) {
  return (raw: string): number => {
    const hit = raw.trim().toLowerCase().match(/^(.*?)([kmbgt])?$/);
    const v = Number(hit?.[1]) * (hit?.[2] ? suffixes[hit[2]] : 1);
    if (!hit?.[1] || !Number.isFinite(v)) throw new InputError(field, `"${raw}" is not a number (suffixes K, M, B, T allowed)`);
    if (v <= 0) throw new InputError(field, `must be greater than 0, got ${raw}`);
    return v;
  };
}

export const sci = (x: number) => x.toExponential(3).replace('e+', 'e');
export const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

interface Options {
  gpuHours?: number;
  chip?: string;
  utilization?: number;
  precision?: Precision;
  params?: number;
  activeParams?: number;
  tokens?: number;
  price?: number;
  json?: boolean;
}

export const registerCompute: Register = (program, io) => {
  program
    .command('compute')
    .description('training operations from GPU-hours on a chip (hardware-based) or from parameters and tokens (6·N·D), with cost and implied utilisation')
    .option('--gpu-hours <H>', 'GPU-hours of the run', quantity('gpu-hours'))
    .option('--chip <ID>', 'chip the hours ran on (catalog id or alias)')
    .option('--utilization <U>', 'share of the dense peak achieved, in (0, 1] (default 0.3, assumed)', number('utilization'))
    .option('--precision <P>', `training precision (${precisions.join(', ')}; default: the chip's fastest training precision)`, oneOf('precision', precisions))
    .option('--params <N>', 'parameters (e.g. 671B)', quantity('params'))
    .option('--active-params <N>', 'active parameters per token for mixture-of-experts (e.g. 37B)', quantity('active-params'))
    .option('--tokens <D>', 'training tokens (e.g. 14.8T)', quantity('tokens'))
    .option('--price <USD_PER_GPU_HOUR>', 'rental price per GPU-hour', number('price', { min: 0 }))
    .option('--json', 'print JSON')
    .action((o: Options) => {
      const r = estimateTraining({
        ...(o.gpuHours !== undefined ? { gpuHours: o.gpuHours } : {}),
        ...(o.chip !== undefined ? { chip: law().chips.resolve(o.chip) } : {}),
        ...(o.utilization !== undefined ? { utilization: o.utilization } : {}),
        ...(o.precision !== undefined ? { precision: o.precision } : {}),
        ...(o.params !== undefined ? { params: o.params } : {}),
        ...(o.activeParams !== undefined ? { activeParams: o.activeParams } : {}),
        ...(o.tokens !== undefined ? { tokens: o.tokens } : {}),
        ...(o.price !== undefined ? { usdPerGpuHour: o.price } : {}),
      });
      if (o.json) {
        io.out(json(r));
        return;
      }
      const lines = [`Training compute: ${sci(r.flop)} operations (${r.method})`];
      for (const e of r.estimates) if (e.method !== r.method) lines.push(`  also: ${sci(e.flop)} (${e.method})`);
      if (r.impliedUtilization !== undefined) lines.push(`Implied utilisation: ${(r.impliedUtilization * 100).toFixed(1)}% of the dense ${r.precision} peak`);
      if (r.gpuHours !== null) lines.push(`GPU-hours: ${Math.round(r.gpuHours).toLocaleString('en-US')}`);
      lines.push(`Cost: ${r.costUsd === null ? 'give --price (and GPU-hours or --chip)' : usd(r.costUsd)}`);
      for (const n of r.notes) lines.push(`Note: ${n}`);
      io.out(lines.join('\n'));
    });
};
