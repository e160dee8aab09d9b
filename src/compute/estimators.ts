/** Training-compute estimators: the model-based count 6·N·D, the hardware-based count from GPU-hours,
 * and the utilisation one implies for the other. Pure arithmetic; FLOP means operations, as 4E091 counts them. */
import type { ChipRecord } from '../chips/catalog.js';
import { InputError } from '../errors.js';

/** Precisions a user may name with --precision. */
export const precisions = ['fp4', 'fp6', 'fp8', 'bf16', 'fp16', 'tf32', 'fp32'] as const;
export type Precision = (typeof precisions)[number];

/** Precisions large models are trained in, the candidates for the default. FP4/FP6 and integer formats
 * are left out: the catalogued chips list them for inference. */
const trainingPrecisions: readonly Precision[] = ['fp8', 'bf16', 'fp16', 'tf32', 'fp32'];

/** Utilisation assumed when none is given: the 0.30 model-FLOP utilisation Epoch AI's hardware-based
 * estimates in data/catalog/models.json use (DeepSeek-V3 April 2025, gpt-oss-120b). */
export const assumedUtilization = 0.3;

export interface Peak {
  readonly precision: Precision;
  /** Dense peak operations per second per chip. */
  readonly flopPerSecond: number;
  readonly note?: string;
}

/** The chip's dense peak at a precision; by default the highest-throughput training precision it
 * supports (FP8 on Hopper). BF16 is read at the FP16 rate where the catalog lists only FP16: the two
 * rates are equal on every catalogued chip that lists both. */
export function peakFor(chip: ChipRecord, precision?: Precision): Peak {
  const rate = (p: Precision): number | undefined => chip.denseTera[p] ?? (p === 'bf16' ? chip.denseTera.fp16 : undefined);
  const usable = precisions.filter((p) => (rate(p) ?? 0) > 0);
  if (precision !== undefined) {
    const tera = rate(precision);
    if (!tera) throw new InputError('precision', `${chip.id} has no dense ${precision} rate in the catalog; use one of ${usable.join(', ')}`, usable);
    const note = precision === 'bf16' && chip.denseTera.bf16 === undefined ? 'bf16 read at the catalog fp16 rate' : undefined;
    return { precision, flopPerSecond: tera * 1e12, ...(note ? { note } : {}) };
  }
  let best: Peak | undefined;
  for (const p of trainingPrecisions) {
    const tera = chip.denseTera[p];
    if (tera && (!best || tera * 1e12 > best.flopPerSecond)) best = { precision: p, flopPerSecond: tera * 1e12 };
  }
  if (!best) throw new InputError('chip', `${chip.id} has no per-precision dense throughput in the catalog, so compute cannot be derived from it`);
  return best;
}

/** 6·N·D: six operations per parameter per token (forward and backward passes); N is the active
 * parameter count for a mixture-of-experts model. */
export function sixND(activeParams: number, tokens: number): number {
  return 6 * activeParams * tokens;
}

/** GPU-hours x 3600 s x dense peak x utilisation. */
export function hardwareFlop(gpuHours: number, peak: Peak, utilization: number): number {
  return gpuHours * 3600 * peak.flopPerSecond * utilization;
}

/** The share of peak that `flop` operations over `gpuHours` imply. */
export function impliedUtilization(flop: number, gpuHours: number, peak: Peak): number {
  return flop / (gpuHours * 3600 * peak.flopPerSecond);
}

/** GPU-hours needed for `flop` operations at a utilisation. */
export function gpuHoursFor(flop: number, peak: Peak, utilization: number): number {
  return flop / (3600 * peak.flopPerSecond * utilization);
}

export function costUsd(gpuHours: number, usdPerGpuHour: number): number {
  return gpuHours * usdPerGpuHour;
}

/** Checks a utilisation: a share of peak in (0, 1]. */
export function checkUtilization(u: number): number {
  if (!(u > 0 && u <= 1)) throw new InputError('utilization', `must be in (0, 1], a share of the dense peak, got ${u}`);
  return u;
}

export function checkPositive(field: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0)) throw new InputError(field, `must be a number greater than 0, got ${v}`);
  return v;
}
