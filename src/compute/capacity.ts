import type { ChipRecord } from '../chips/catalog.js';
import { h100Equivalents, tppOf } from '../chips/metrics.js';
import type { IsoDate } from '../dates.js';
import { InputError } from '../errors.js';
import type { Confidence } from '../findings.js';
import { type Law, law as bundled, param } from '../law/law.js';
import { type Precision, assumedUtilization, checkPositive, checkUtilization, peakFor } from './estimators.js';

/** The AI Diffusion allowances a buyer can size a cluster by: the LPP annual cap per ultimate consignee
 * (15 CFR 740.29) and the Tier 2 country allocation for 2025-2027 (15 CFR 740 Supp. No. 5). */
export const allowances = ['lpp', 'tier2'] as const;
export type AllowanceName = (typeof allowances)[number];

export interface Allowance {
  readonly name: AllowanceName;
  readonly tpp: number;
  readonly h100Equivalents: number;
  readonly citation: string;
  readonly source: string;
  readonly confidence: Confidence;
  /** Whether BIS enforces the AI Diffusion rule the allowance belongs to, on the date asked. */
  readonly enforced: boolean;
  readonly note: string;
}

/** The allowance in force on `date`; an InputError when the rule had not created it yet. */
export function allowanceAt(name: AllowanceName, date: IsoDate, lw: Law = bundled()): Allowance {
  const p = name === 'lpp'
    ? param<{ annualTppPerConsignee: number }>(lw, 'exception.LPP', date)
    : param<{ tpp: number; period: { from: string; to: string } }>(lw, 'allocation.tier2', date);
  if (!p || p.value === null) {
    const from = lw.parameters.get(name === 'lpp' ? 'exception.LPP' : 'allocation.tier2')!.values[0].from;
    throw new InputError('allowance', `${name} did not exist on ${date} (the AI Diffusion text sets it from ${from})`, allowances);
  }
  const v = p.value as { annualTppPerConsignee?: number; tpp?: number; period?: { from: string; to: string } };
  const tpp = name === 'lpp' ? v.annualTppPerConsignee! : v.tpp!;
  const enforced = param<boolean>(lw, 'diffusion.enforced', date)?.value === true;
  const what = name === 'lpp'
    ? 'License Exception LPP: TPP per ultimate consignee per calendar year'
    : `Tier 2 country allocation: TPP per country for ${String(v.period!.from)} to ${String(v.period!.to)} combined`;
  return {
    name, tpp, h100Equivalents: h100Equivalents(tpp), citation: p.citation, source: p.source, confidence: p.confidence, enforced,
    note: `${what}${enforced ? '' : '; part of the AI Diffusion text, which BIS has not enforced since 2025-05-13, so under the enforced view no such limit applies'}`,
  };
}

export interface CapacityInput {
  readonly chip: ChipRecord;
  readonly count?: number;
  readonly tppBudget?: number;
  readonly allowance?: Allowance;
  readonly days?: number;
  readonly utilization?: number;
  readonly precision?: Precision;
  readonly targetFlop?: number;
}

export interface Capacity {
  readonly chip: string;
  readonly chipTpp: number;
  readonly chips: number;
  /** TPP of the chips counted (at most the budget). */
  readonly tpp: number;
  readonly h100Equivalents: number;
  readonly budgetTpp?: number;
  readonly allowance?: Allowance;
  readonly precision?: Precision;
  readonly utilization?: number;
  readonly utilizationAssumed?: boolean;
  /** Days given, or, with a target and no days, the days the chips need to reach it. */
  readonly days?: number;
  /** Operations the chips perform in `days` at the utilisation (the target when the days were derived). */
  readonly trainableFlop?: number;
  /** With both days and a target: the days the target needs. */
  readonly daysForTarget?: number;
  readonly notes: readonly string[];
}

const secondsPerDay = 86_400;

/** How many chips a count or TPP budget is, in TPP and H100-equivalents, and what they can train. */
export function capacity(input: CapacityInput): Capacity {
  const { chip } = input;
  const given = [input.count, input.tppBudget, input.allowance].filter((x) => x !== undefined).length;
  if (given !== 1) throw new InputError('count', 'give exactly one of --count N, --tpp-budget T or --allowance lpp|tier2');
  const chipTpp = tppOf(chip.denseTera)?.tpp ?? chip.tppEstimate;
  if (!chipTpp) throw new InputError('chip', `${chip.id} has no TPP in the catalog`);
  if (input.count !== undefined && !(Number.isInteger(input.count) && input.count > 0)) throw new InputError('count', `must be a whole number of chips, 1 or more, got ${input.count}`);
  if (input.tppBudget !== undefined) checkPositive('tpp-budget', input.tppBudget);
  if (input.days !== undefined) checkPositive('days', input.days);
  if (input.targetFlop !== undefined) checkPositive('target-flop', input.targetFlop);
  if (input.utilization !== undefined) checkUtilization(input.utilization);

  const budgetTpp = input.tppBudget ?? input.allowance?.tpp;
  const chips = input.count ?? Math.floor(budgetTpp! / chipTpp);
  const tpp = Math.round(chips * chipTpp * 10) / 10;
  const notes: string[] = [];
  const a = input.allowance;
  if (a && a.confidence === 'low') notes.push(`the ${a.name} allowance is a low-confidence figure (${a.source}): verify`);
  if (chips === 0) notes.push(`the budget is less than one ${chip.id} (TPP ${chipTpp})`);
  const base = {
    chip: chip.id, chipTpp, chips, tpp, h100Equivalents: h100Equivalents(tpp),
    ...(budgetTpp !== undefined ? { budgetTpp } : {}),
    ...(input.allowance ? { allowance: input.allowance } : {}),
  };
  if (input.days === undefined && input.targetFlop === undefined) return { ...base, notes };

  const peak = peakFor(chip, input.precision);
  if (peak.note) notes.push(peak.note);
  const utilization = input.utilization ?? assumedUtilization;
  const assumed = input.utilization === undefined;
  if (assumed) notes.push(`utilisation ${assumedUtilization} assumed (the figure Epoch AI's hardware-based estimates use); give --utilization to set it`);
  const perDay = chips * peak.flopPerSecond * utilization * secondsPerDay;
  const daysFor = (flop: number) => (perDay > 0 ? flop / perDay : Infinity);
  const run = { precision: peak.precision, utilization, utilizationAssumed: assumed };
  if (input.days === undefined) return { ...base, ...run, days: daysFor(input.targetFlop!), trainableFlop: input.targetFlop, notes };
  return {
    ...base, ...run, days: input.days, trainableFlop: perDay * input.days,
    ...(input.targetFlop !== undefined ? { daysForTarget: daysFor(input.targetFlop) } : {}),
    notes,
  };
}
