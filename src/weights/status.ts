/** ECCN 4E091 (15 CFR 774 Supp. No. 1) and its licence requirement (15 CFR 742.6(a)(13)), at a date,
 * in the codified or the enforced view. Pure: reads the law loaded once, never a file or a clock. */
import type { IsoDate } from '../dates.js';
import { InputError } from '../errors.js';
import { type Confidence, type Finding, lower, weakest } from '../findings.js';
import { type Law, law as bundled, param } from '../law/law.js';
import type { Dated } from '../law/parameters.js';
import type { ReviewPolicy } from '../law/review.js';
import { type View, versionAt } from '../law/versions.js';

export interface WeightsQuery {
  /** Training operations of the model, all stages counted; null when unknown. */
  readonly trainingFlop: number | null;
  /** Other published estimates of the training operations; any on the other side of the threshold is flagged. */
  readonly otherEstimates?: readonly number[];
  /** Weights published (15 CFR 734.7) on the date asked. */
  readonly published: boolean;
  /** Where the published/unpublished reading comes from, for the finding. */
  readonly publishedBasis?: { readonly text: string; readonly confidence: Confidence };
  /** The published model this one was derived from (Note 1): its training operations. */
  readonly derivedFrom?: { readonly id: string; readonly flop: number };
  /** Technical Note 3: share of training operations on unpublished data from one generator model,
   * that generator's generation operations, and its training operations when its weights are unpublished. */
  readonly synthetic?: { readonly share: number; readonly generationFlop: number; readonly generatorTrainingFlop?: number };
  readonly date: IsoDate;
  /** ISO alpha-2 destination; the buyer's and ultimate parent's headquarters (default: the destination). */
  readonly to?: string;
  readonly buyerHq?: string;
  readonly parentHq?: string;
}

export type WeightsStatus = 'not-subject' | 'no-eccn' | 'unknown' | 'not-controlled' | 'controlled';

/** The licence exception open to 4E091 weights (15 CFR 740.27); its conditions are in the findings. */
export type LicenseException = 'AIA';

export interface WeightsAnswer {
  readonly date: IsoDate;
  readonly view: View;
  /** The rule version in force on the date in this view. */
  readonly ruleVersion: string;
  readonly status: WeightsStatus;
  readonly eccn: '4E091' | null;
  /** Operations counted against the threshold (synthetic-data generation added). */
  readonly countedFlop: number | null;
  readonly thresholdFlop: number | null;
  /** Null when it cannot be told (compute unknown). */
  readonly licenseRequired: boolean | null;
  readonly reviewPolicy: ReviewPolicy | null;
  readonly licenseExceptions: readonly LicenseException[];
  /** Enforced view: no 4E091 licence is enforced but the parties call for an end-use/end-user review. */
  readonly escalate: boolean;
  readonly confidence: Confidence;
  readonly findings: readonly Finding[];
}

interface LicenceValue {
  destinations: string;
  exceptions: Record<string, { citation: string; conditions: string[] }>;
}

const sci = (x: number) => x.toExponential(2).replace('e+', 'e');

/** A finding from a dated parameter value: its rule version is the one in force when the value took effect. */
function fromParam(lw: Law, view: View, d: Dated<unknown>, text: string): Finding {
  const rule = versionAt(lw.versions, d.from, view)?.id ?? 'none';
  return { rule, citation: d.citation, text, source: d.source, confidence: d.confidence };
}

/** Confidence of the answer; when it rests on a low-confidence fact, a closing finding says to verify. */
function verified(rule: string, findings: Finding[]): { confidence: Confidence; findings: Finding[] } {
  const weak = findings.filter((f) => f.confidence === 'low');
  if (weak.length) {
    findings.push({
      rule, citation: [...new Set(weak.map((f) => f.citation))].join('; '),
      text: 'Verify: this answer rests on at least one low-confidence fact (see the findings marked low); check it before relying on it.',
      source: 'earmark confidence rule', confidence: 'low',
    });
  }
  return { confidence: weakest(findings), findings };
}

/** The query with its countries resolved to ISO alpha-2 (InputError naming the field) and the
 * headquarters defaulted: buyer to the destination, parent to the buyer. */
function withParties(q: WeightsQuery, lw: Law): WeightsQuery {
  if (q.to === undefined) {
    if (q.buyerHq !== undefined || q.parentHq !== undefined) throw new InputError('to', 'give --to CC with --buyer-hq or --parent-hq');
    return q;
  }
  const to = lw.countries.resolve(q.to, 'to').iso2;
  const buyerHq = q.buyerHq === undefined ? to : lw.countries.resolve(q.buyerHq, 'buyer-hq').iso2;
  const parentHq = q.parentHq === undefined ? buyerHq : lw.countries.resolve(q.parentHq, 'parent-hq').iso2;
  return { ...q, to, buyerHq, parentHq };
}

/** The 4E091 answer in one view, its confidence the weakest of its findings. */
export function weightsStatus(query: WeightsQuery, view: View, lw: Law = bundled()): WeightsAnswer {
  const findings: Finding[] = [];
  const a = decide(withParties(query, lw), view, lw, findings);
  return { ...a, ...verified(a.ruleVersion, findings) };
}

function decide(q: WeightsQuery, view: View, lw: Law, findings: Finding[]): WeightsAnswer {
  const threshold = param<{ flop: number }>(lw, '4E091.threshold', q.date);
  const ruleNow = versionAt(lw.versions, q.date, view)?.id ?? 'none';
  const answer = (status: WeightsStatus, rest: Partial<WeightsAnswer> = {}): WeightsAnswer => ({
    date: q.date, view, ruleVersion: ruleNow, status, eccn: null, countedFlop: q.trainingFlop, thresholdFlop: threshold ? threshold.value!.flop : null,
    licenseRequired: false, reviewPolicy: null, licenseExceptions: [], escalate: false, ...rest,
    confidence: 'high', findings,
  });

  // 15 CFR 734.7: published information and software, model weights included, are not subject to the EAR.
  if (q.published) {
    findings.push({
      rule: ruleNow, citation: '15 CFR 734.7; 15 CFR 774 Supp. No. 1, ECCN 4E091, Note 1',
      text: `The weights are published${q.publishedBasis ? ` (${q.publishedBasis.text})` : ''}, so they are not subject to the EAR and need no licence.`,
      source: 'verification.md 4.9 (Note 1 excludes published weights); models.json has no open/closed field, so publication is earmark\'s reading of the record',
      confidence: q.publishedBasis ? lower(q.publishedBasis.confidence, 'medium') : 'high',
    });
    if (threshold && q.trainingFlop !== null && q.trainingFlop < threshold.value!.flop) {
      findings.push(fromParam(lw, view, threshold,
        `Even as a closed model it would not be 4E091: ${sci(q.trainingFlop)} operations is ${(threshold.value!.flop / q.trainingFlop).toFixed(1)} times below ${sci(threshold.value!.flop)}.`));
    }
    return answer('not-subject');
  }

  if (!threshold) {
    const created = lw.parameters.get('4E091.threshold')!.values[0];
    findings.push({
      rule: ruleNow, citation: created.citation,
      text: `ECCN 4E091 did not exist on ${q.date}: the AI Diffusion rule created it with effect from ${created.from}. No licence requirement for model weights applied under these controls.`,
      source: created.source, confidence: 'high',
    });
    return answer('no-eccn');
  }

  if (q.trainingFlop === null) {
    findings.push({
      rule: ruleNow, citation: threshold.citation,
      text: `Training compute unknown: whether the weights are 4E091 (${sci(threshold.value!.flop)} operations or more) cannot be told - verify with the developer.`,
      source: 'data/catalog/models.json (no estimate)', confidence: 'low',
    });
    return answer('unknown', { licenseRequired: null });
  }

  // Technical Note 3: data from one unpublished generator used for more than the set share of the operations.
  let counted = q.trainingFlop;
  const synth = param<{ fraction: number }>(lw, '4E091.syntheticData', q.date);
  if (q.synthetic && synth && q.synthetic.share > synth.value!.fraction) {
    counted += q.synthetic.generationFlop + (q.synthetic.generatorTrainingFlop ?? 0);
    findings.push(fromParam(lw, view, synth,
      `${(q.synthetic.share * 100).toFixed(0)}% of training operations used one unpublished generator's data (over ${synth.value!.fraction * 100}%): its operations count, ${sci(counted)} in all.`));
  }

  const limit = threshold.value!.flop;
  const floor = param<{ flop: number; model: string }>(lw, '4E091.openWeightFloor', q.date);
  const across = (q.otherEstimates ?? []).filter((e) => (e >= limit) !== (counted >= limit));
  if (across.length) {
    findings.push({
      rule: ruleNow, citation: threshold.citation,
      text: `Estimates disagree: ${across.map(sci).join(', ')} ${across.length > 1 ? 'fall' : 'falls'} on the other side of ${sci(limit)} from the ${sci(counted)} used - verify the training operations with the developer.`,
      source: 'data/catalog/models.json (published estimates)', confidence: 'low',
    });
  }
  if (counted < limit) {
    findings.push(fromParam(lw, view, threshold,
      `Trained with ${sci(counted)} operations, ${(limit / counted).toFixed(1)} times below ${sci(limit)}: not 4E091.`));
    return answer('not-controlled', { countedFlop: counted });
  }
  if (floor && counted < floor.value!.flop) {
    findings.push(fromParam(lw, view, floor,
      `Below the open-weight floor (${sci(floor.value!.flop)}, earmark's proxy from ${floor.value!.model}): not 4E091 - verify, the floor is a capability test.`));
    return answer('not-controlled', { countedFlop: counted });
  }
  if (q.derivedFrom) {
    const derived = param<{ flop: number; fraction: number }>(lw, '4E091.derived', q.date)!;
    const extra = counted - q.derivedFrom.flop;
    const bound = Math.max(derived.value!.flop, derived.value!.fraction * q.derivedFrom.flop);
    if (extra <= bound) {
      findings.push(fromParam(lw, view, derived,
        `Derived from the published ${q.derivedFrom.id}: the additional ${sci(extra)} operations do not exceed ${sci(bound)} (the higher of ${sci(derived.value!.flop)} and ${derived.value!.fraction * 100}% of its ${sci(q.derivedFrom.flop)}): not 4E091.`));
      return answer('not-controlled', { countedFlop: counted });
    }
  }
  findings.push(fromParam(lw, view, threshold,
    `Unpublished weights of a model trained with ${sci(counted)} operations (${sci(limit)} or more${floor ? `, above the open-weight floor ${sci(floor.value!.flop)}` : ''}): ECCN 4E091. earmark assumes the weights are subject to the EAR (US-made, or foreign-made within the model-weights direct product rule of 15 CFR 734.9).`));
  return licence(q, view, lw, findings, answer('controlled', { eccn: '4E091', countedFlop: counted }));
}

/** The licence requirement for 4E091 weights: worldwide with AIA (codified, from the compliance date);
 * in the enforced view, none since BIS's non-enforcement of 2025-05-13. */
function licence(q: WeightsQuery, view: View, lw: Law, findings: Finding[], base: WeightsAnswer): WeightsAnswer {
  const done = (rest: Partial<WeightsAnswer>): WeightsAnswer => ({ ...base, ...rest });
  const enforced = param<boolean>(lw, 'diffusion.enforced', q.date);
  if (view === 'enforced' && enforced && enforced.value === false) {
    findings.push(fromParam(lw, view, enforced,
      'BIS announced on 2025-05-13 that it would not enforce the AI Diffusion rule, 4E091 included (its compliance date, 2025-05-15, never arrived for enforcement): no 4E091 licence is enforced.'));
    const tier3 = q.to !== undefined && [q.to, q.buyerHq!, q.parentHq!].some((cc) => lw.countries.at(cc, q.date).tier === 3);
    if (tier3) {
      findings.push({
        rule: versionAt(lw.versions, q.date, view)?.id ?? 'none', citation: '15 CFR 744.21; 15 CFR 744.22; 15 CFR 744.11',
        text: 'Escalate: the destination or a party is in Country Group D:5 or Macau - end-use and end-user controls (military and military-intelligence end uses, the Entity List) and any is-informed letter still apply.',
        source: 'regs-cases.md C22; BIS policy statement of 2025-05-13 on AI training for D:5/Macau parties', confidence: 'medium',
      });
    }
    return done({ licenseRequired: false, escalate: tier3 });
  }
  // 15 CFR 772.1: a transfer to the United States is not an export.
  if (q.to !== undefined && lw.countries.at(q.to, q.date).effective === 'US') {
    findings.push({
      rule: base.ruleVersion, citation: '15 CFR 772.1 ("United States")',
      text: `${q.to} is part of the United States: a transfer there is not an export (a release to a foreign person in the United States is a deemed export to that person's country).`,
      source: 'EAR definitions', confidence: 'high',
    });
    return done({ licenseRequired: false });
  }
  const req = param<LicenceValue>(lw, '4E091.licence', q.date);
  if (!req) {
    const first = lw.parameters.get('4E091.licence')!.values[0];
    findings.push({
      rule: versionAt(lw.versions, q.date, view)?.id ?? 'none', citation: first.citation,
      text: `4E091 is codified but compliance is not required until ${first.from}: no licence yet.`,
      source: first.source, confidence: first.confidence,
    });
    return done({ licenseRequired: false });
  }
  findings.push(fromParam(lw, view, req, 'A licence is required to export, reexport or transfer 4E091 weights to or within any destination worldwide.'));
  const review = param<ReviewPolicy>(lw, '4E091.review', q.date)!;
  findings.push(fromParam(lw, view, review, `Review policy: ${review.value}.`));
  const exceptions: LicenseException[] = [];
  const aia = req.value!.exceptions.AIA;
  if (q.to === undefined) {
    findings.push(fromParam(lw, view, req, 'No destination given: License Exception AIA (15 CFR 740.27) can be checked with --to.'));
  } else {
    const parties = [['destination', q.to], ['buyer headquarters', q.buyerHq!], ['ultimate parent headquarters', q.parentHq!]] as const;
    const outside = parties.filter(([, cc]) => lw.countries.at(cc, q.date).tier !== 1);
    const tiers = lw.countries.tiers.tier1;
    if (outside.length === 0) {
      exceptions.push('AIA');
      findings.push({
        rule: base.ruleVersion, citation: `${aia.citation}; ${tiers.citation}`,
        text: `License Exception AIA is available: ${q.to} is a Tier 1 destination and neither buyer nor parent is headquartered outside Tier 1. Conditions: ${aia.conditions.join('; ')}.`,
        source: `${req.source}; tiers: ${tiers.source}`, confidence: lower(req.confidence, tiers.confidence),
      });
    } else {
      findings.push({
        rule: base.ruleVersion, citation: `${aia.citation}; ${tiers.citation}`,
        text: `License Exception AIA is not available: ${outside.map(([what, cc]) => `${what} ${cc} is Tier ${lw.countries.at(cc, q.date).tier}`).join('; ')}.`,
        source: `${req.source}; tiers: ${tiers.source}`, confidence: lower(req.confidence, tiers.confidence),
      });
    }
  }
  return done({ licenseRequired: true, reviewPolicy: review.value, licenseExceptions: exceptions });
}

/** The views to report on a date: both from 2025-05-13 (when they differ), else the codified one only. */
export function viewsAt(date: IsoDate, lw: Law = bundled()): readonly View[] {
  const split = lw.versions.find((v) => !v.codified)?.effective;
  return split !== undefined && date >= split ? ['enforced', 'codified'] : ['codified'];
}

/** The answer in the view asked; with 'both', the enforced answer and the codified one under `codified`
 * on dates when the two differ. */
export function weightsAnswer(q: WeightsQuery, view: View | 'both', lw: Law = bundled()): WeightsAnswer & { readonly codified?: WeightsAnswer } {
  const views = view === 'both' ? viewsAt(q.date, lw) : [view];
  const [main, codified] = views.map((v) => weightsStatus(q, v, lw));
  return codified ? { ...main, codified } : main;
}
