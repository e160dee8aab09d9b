import { type Precision, costUsd, impliedUtilization, peakFor, sixND } from '../compute/estimators.js';
import type { IsoDate } from '../dates.js';
import { type Law, law as bundled } from '../law/law.js';
import type { View } from '../law/versions.js';
import { type ModelRecord, resolveModel } from './catalog.js';
import { type Publication, publicationOf, publishedOn } from './published.js';
import { type WeightsAnswer, weightsAnswer } from './status.js';

export interface ModelOptions {
  readonly date: IsoDate;
  /** 'both' reports the enforced answer with the codified one under `codified` (dates from 2025-05-13). */
  readonly view: View | 'both';
  readonly to?: string;
  readonly buyerHq?: string;
  readonly parentHq?: string;
  /** Price per GPU-hour: the cost becomes the record's GPU-hours times it. */
  readonly usdPerGpuHour?: number;
  /** What-if: treat the weights as published or unpublished whatever the record says. */
  readonly weights?: 'published' | 'unpublished';
}

export interface SourcedEstimate {
  readonly flop: number;
  readonly method: string;
  readonly source: string;
}

export interface ModelReport extends WeightsAnswer {
  readonly id: string;
  readonly name: string;
  readonly developer: string;
  readonly releaseDate: string;
  readonly parameters: { readonly total: number | null; readonly active: number | null };
  readonly tokens: number | null;
  readonly hardware: ModelRecord['hardware'];
  readonly gpuHours: ModelRecord['gpuHours'];
  readonly weights: Publication & { readonly publishedOnDate: boolean; readonly asGiven: boolean };
  readonly trainingCompute: {
    readonly flop: number | null;
    readonly method: string;
    readonly estimates: readonly SourcedEstimate[];
    readonly impliedUtilization?: { readonly value: number; readonly precision: Precision; readonly basis: string };
    readonly notes: readonly string[];
  };
  readonly cost: { readonly usd: number; readonly basis: string } | null;
  readonly codified?: WeightsAnswer;
}

const sci = (x: number) => x.toExponential(3).replace('e+', 'e');

/** The training precision a record names ("FP8 mixed precision ..."), if any. */
function recordPrecision(m: ModelRecord): Precision | undefined {
  const hit = m.trainingPrecision?.toLowerCase().match(/\b(fp8|bf16|fp16|tf32|fp32)\b/);
  return hit ? (hit[1] as Precision) : undefined;
}

/** Every numeric estimate in the record with its source, plus earmark's 6·N·D and the utilisation it implies. */
export function trainingComputeOf(m: ModelRecord, lw: Law = bundled()): ModelReport['trainingCompute'] {
  const estimates: SourcedEstimate[] = [];
  const notes: string[] = [];
  for (const e of m.trainingCompute.estimates) {
    if (e.flop === null) notes.push(`no number: ${e.method}${e.source ? ` (${e.source})` : ''}`);
    else estimates.push({ flop: e.flop, method: e.method, source: e.source ?? m.sources[0] });
  }
  const active = m.parametersActive ?? m.parametersTotal;
  let own: SourcedEstimate | undefined;
  if (active && m.trainingTokens) {
    own = {
      flop: sixND(active, m.trainingTokens),
      method: `6·N·D (earmark): 6 x ${sci(active)} ${active !== m.parametersTotal ? 'active ' : ''}parameters x ${sci(m.trainingTokens)} tokens`,
      source: `earmark arithmetic on the record's parameters and tokens (${m.sources[0]})`,
    };
    estimates.push(own);
  }
  let implied: ModelReport['trainingCompute']['impliedUtilization'];
  const chip = m.hardware?.chipId ? lw.chips.get(m.hardware.chipId) : undefined;
  const preHours = m.gpuHours?.byStage?.preTraining ?? m.gpuHours?.total;
  if (own && chip && preHours) {
    const named = recordPrecision(m);
    const peak = peakFor(chip, named);
    const stage = m.gpuHours?.byStage?.preTraining ? 'pre-training' : 'all';
    implied = {
      value: impliedUtilization(own.flop, preHours, peak),
      precision: peak.precision,
      basis: `6·N·D over ${preHours} ${stage} GPU-hours at the ${chip.id} dense ${peak.precision} peak${named ? '' : ' (the record names no training precision; the chip\'s fastest training precision is used)'}`,
    };
  }
  const chosenFlop = m.trainingCompute.flop;
  if (chosenFlop !== null) {
    const match = m.trainingCompute.estimates.find((e) => e.flop === chosenFlop);
    return { flop: chosenFlop, method: `${m.trainingCompute.chosen}${match ? `: ${match.method}` : ''}`, estimates, ...(implied ? { impliedUtilization: implied } : {}), notes };
  }
  if (own) return { flop: own.flop, method: own.method, estimates, ...(implied ? { impliedUtilization: implied } : {}), notes };
  return { flop: null, method: 'unknown: no published estimate', estimates, notes };
}

/** The record's cost: GPU-hours at the price given, else the stated cost, else Epoch's estimate. */
export function costOf(m: ModelRecord, usdPerGpuHour?: number): ModelReport['cost'] {
  const hours = m.gpuHours?.total;
  if (usdPerGpuHour !== undefined && hours) return { usd: costUsd(hours, usdPerGpuHour), basis: `${hours} GPU-hours x $${usdPerGpuHour} per GPU-hour` };
  if (m.cost?.usd) return { usd: m.cost.usd, basis: m.cost.basis ?? 'data/catalog/models.json' };
  if (m.cost?.epochCost2023Usd) return { usd: m.cost.epochCost2023Usd, basis: 'Epoch AI cloud-cost estimate in 2023 US dollars' };
  return null;
}

/** A catalogued model: its training run, compute, cost and 4E091 status at a date. */
export function modelReport(id: string, o: ModelOptions, lw: Law = bundled()): ModelReport {
  const m = resolveModel(id);
  const publication = publicationOf(m);
  const asGiven = o.weights !== undefined;
  const published = asGiven ? o.weights === 'published' : publishedOn(publication, o.date);
  const compute = trainingComputeOf(m, lw);
  const base = publication.derivedFrom ? resolveModel(publication.derivedFrom) : undefined;
  const baseFlop = base?.trainingCompute.flop;
  const derivedFrom = base && baseFlop && publishedOn(publicationOf(base), o.date) ? { id: base.id, flop: baseFlop } : undefined;
  const basis = asGiven
    ? { text: `as given: --weights ${o.weights}`, confidence: 'high' as const }
    : { text: publication.published && !published ? `not yet on ${o.date}; ${publication.basis}` : publication.basis, confidence: publication.confidence };
  const query = {
    trainingFlop: compute.flop, published, publishedBasis: basis, date: o.date,
    otherEstimates: compute.estimates.map((e) => e.flop),
    ...(derivedFrom ? { derivedFrom } : {}),
    ...(o.to !== undefined ? { to: o.to } : {}),
    ...(o.buyerHq !== undefined ? { buyerHq: o.buyerHq } : {}),
    ...(o.parentHq !== undefined ? { parentHq: o.parentHq } : {}),
  };
  return {
    id: m.id, name: m.name, developer: m.developer, releaseDate: m.releaseDate,
    parameters: { total: m.parametersTotal, active: m.parametersActive },
    tokens: m.trainingTokens, hardware: m.hardware, gpuHours: m.gpuHours,
    weights: { ...publication, publishedOnDate: published, asGiven },
    trainingCompute: compute,
    cost: costOf(m, o.usdPerGpuHour),
    ...weightsAnswer(query, o.view, lw),
  };
}
