import type { ChipRecord } from '../chips/catalog.js';
import { InputError } from '../errors.js';
import {
  type Peak, type Precision, assumedUtilization, checkPositive, checkUtilization, costUsd, gpuHoursFor,
  hardwareFlop, impliedUtilization, peakFor, sixND,
} from './estimators.js';

/** What a user knows of a training run: GPU-hours on a chip, or parameters and tokens, or both. */
export interface TrainingInput {
  readonly gpuHours?: number;
  readonly chip?: ChipRecord;
  readonly utilization?: number;
  readonly precision?: Precision;
  readonly params?: number;
  /** Active parameters per token (mixture-of-experts); defaults to `params`. */
  readonly activeParams?: number;
  readonly tokens?: number;
  readonly usdPerGpuHour?: number;
}

export interface Estimate {
  readonly flop: number;
  readonly method: string;
}

export interface TrainingEstimate {
  /** The operations earmark reports: 6·N·D when parameters and tokens are known, else hardware-based. */
  readonly flop: number;
  readonly method: string;
  readonly estimates: readonly Estimate[];
  readonly gpuHours: number | null;
  readonly costUsd: number | null;
  readonly precision?: Precision;
  readonly utilization?: number;
  readonly utilizationAssumed?: boolean;
  /** 6·N·D over the peak operations the GPU-hours offered, when both are known. */
  readonly impliedUtilization?: number;
  readonly notes: readonly string[];
}

const sci = (x: number) => x.toExponential(3).replace('e+', 'e');

/** Estimates training operations and cost from what is known. Throws InputError naming the field. */
export function estimateTraining(input: TrainingInput): TrainingEstimate {
  const { gpuHours, chip, params, tokens, usdPerGpuHour } = input;
  if (gpuHours !== undefined) checkPositive('gpu-hours', gpuHours);
  if (input.utilization !== undefined) checkUtilization(input.utilization);
  if (usdPerGpuHour !== undefined && !(usdPerGpuHour >= 0)) throw new InputError('price', `must be 0 or more US dollars per GPU-hour, got ${usdPerGpuHour}`);
  if (gpuHours !== undefined && !chip) throw new InputError('chip', 'give --chip ID with --gpu-hours (the chip sets the peak throughput)');
  if ((params === undefined) !== (tokens === undefined)) {
    throw new InputError(params === undefined ? 'params' : 'tokens', 'give both --params N and --tokens D for 6·N·D');
  }
  if (input.activeParams !== undefined && params === undefined) throw new InputError('params', 'give --params N with --active-params');
  if (gpuHours === undefined && params === undefined) throw new InputError('gpu-hours', 'give --gpu-hours H --chip ID, or --params N --tokens D');

  const estimates: Estimate[] = [];
  const notes: string[] = [];
  let model: Estimate | undefined;
  if (params !== undefined && tokens !== undefined) {
    checkPositive('params', params);
    checkPositive('tokens', tokens);
    const active = input.activeParams === undefined ? params : checkPositive('active-params', input.activeParams);
    if (active > params) throw new InputError('active-params', `must not exceed --params (${params}), got ${active}`);
    model = { flop: sixND(active, tokens), method: `6·N·D = 6 x ${sci(active)} ${active < params ? 'active ' : ''}parameters x ${sci(tokens)} tokens` };
    estimates.push(model);
  }

  const peak: Peak | undefined = chip ? peakFor(chip, input.precision) : undefined;
  if (peak?.note) notes.push(peak.note);
  // A utilisation is needed unless both counts are known, in which case it is implied instead.
  const needsUtilization = peak !== undefined && (model === undefined || gpuHours === undefined);
  const utilization = input.utilization ?? (needsUtilization ? assumedUtilization : undefined);
  const assumed = needsUtilization && input.utilization === undefined;
  if (assumed) notes.push(`utilisation ${assumedUtilization} assumed (the figure Epoch AI's hardware-based estimates use); give --utilization to set it`);

  let hours = gpuHours ?? null;
  let implied: number | undefined;
  if (peak && gpuHours !== undefined) {
    if (model) implied = impliedUtilization(model.flop, gpuHours, peak);
    if (utilization !== undefined) {
      estimates.push({
        flop: hardwareFlop(gpuHours, peak, utilization),
        method: `hardware: ${gpuHours} GPU-hours x 3600 s x ${chip!.id} dense ${peak.precision} peak ${sci(peak.flopPerSecond)} FLOP/s x utilisation ${utilization}${assumed ? ' (assumed)' : ''}`,
      });
    }
  } else if (peak && model && utilization !== undefined) {
    hours = gpuHoursFor(model.flop, peak, utilization);
    notes.push(`GPU-hours derived from 6·N·D at the ${chip!.id} dense ${peak.precision} peak and utilisation ${utilization}`);
  }
  const chosen = model ?? estimates[0];
  return {
    flop: chosen.flop,
    method: chosen.method,
    estimates,
    gpuHours: hours,
    costUsd: hours !== null && usdPerGpuHour !== undefined ? costUsd(hours, usdPerGpuHour) : null,
    ...(peak ? { precision: peak.precision } : {}),
    ...(utilization !== undefined ? { utilization, utilizationAssumed: assumed } : {}),
    ...(implied !== undefined ? { impliedUtilization: implied } : {}),
    notes,
  };
}
