import { num } from '../format.js';
import type { Finding } from '../findings.js';
import { type Law, param } from '../law/law.js';
import type { ReviewPolicy } from '../law/review.js';
import { cite, type Parties, type Requirement } from './requirements.js';
import type { Transaction } from './transaction.js';

// Review policy (15 CFR 742.6(b)(10)) for each licence requirement, and the strictest of several.

const severity: Record<ReviewPolicy, number> = { 'presumption-of-approval': 0, 'case-by-case': 1, 'presumption-of-denial': 2 };

/** Of two review policies, the more restrictive: where several requirements apply, the strictest decides. */
export function stricter(a: ReviewPolicy | null, b: ReviewPolicy | null): ReviewPolicy | null {
  if (a === null) return b;
  if (b === null) return a;
  return severity[b] > severity[a] ? b : a;
}

interface LaneValue {
  policy: ReviewPolicy;
  destinations: string[];
  exportFrom: string[];
  tppBelow: number;
  dramBandwidthBelowGBs: number;
  conditions: string[];
}

/** 15 CFR 742.6(b)(10): the review policy for one requirement. */
export function reviewPolicyFor(law: Law, r: Requirement, tx: Transaction, parties: Parties, rule: string, findings: Finding[]): ReviewPolicy {
  const { date } = tx;
  if (r.kind === 'letter') return r.policy;
  if (r.kind === 'gp10') {
    findings.push({ rule, citation: '15 CFR 736.2(b)(10)', text: 'Review: no policy is stated for an authorization under General Prohibition 10; earmark reports presumption-of-denial, the strictest. Verify with BIS.', source: 'BIS guidance of 2025-05-13 (no review policy stated)', confidence: 'low' });
    return 'presumption-of-denial';
  }
  if (r.kind === 'worldwide' && !inD5OrMacau(parties)) {
    const d = param<{ tier1: ReviewPolicy; tier2: ReviewPolicy; tier2Note: string }>(law, 'review.diffusion', date)!;
    const policy = parties.dest.tier === 1 ? d.value!.tier1 : d.value!.tier2;
    findings.push(cite(d, rule, `Review (AI Diffusion text, Tier ${parties.dest.tier}): ${policy}${parties.dest.tier === 2 ? `: ${d.value!.tier2Note}` : ''}. Verify.`));
    return policy;
  }
  const prc = param<ReviewPolicy>(law, 'review.prc', date);
  if (prc) {
    findings.push(cite(prc, rule, `Review: ${prc.value} for China and Macau (October 2022 rule).`));
    return prc.value!;
  }
  const d5 = param<ReviewPolicy>(law, 'review.d5Macau', date)!;
  const restricted = r.kind === 'headquarters' || r.kind === 'hbm' || inD5OrMacau(parties);
  if (restricted) {
    const lane = chinaLane(law, tx, parties, r, rule, findings);
    if (lane) return lane;
    findings.push(cite(d5, rule, `Review: ${d5.value} (${r.kind === 'headquarters' ? 'buyer headquartered in D:5 or Macau' : 'destination in D:5 or Macau'}).`));
    return d5.value!;
  }
  if (parties.dest.effective === 'AE') {
    const uae = param<ReviewPolicy>(law, 'review.uae', date);
    if (uae) {
      findings.push(cite(uae, rule, `Review: ${uae.value} for UAE buyers outside the July 2026 carve-outs. Verify: the policy was not found in the sources read.`));
      return uae.value!;
    }
  }
  const other = param<ReviewPolicy>(law, 'review.otherDestinations', date)!;
  findings.push(cite(other, rule, `Review: ${other.value} for Country Group D:1/D:4 destinations outside D:5.`));
  return other.value!;
}

/** Destination in D:5 or Macau on the date: the set data/law/tiers.yaml names Tier 3 (read with that day's D:5). */
function inD5OrMacau(parties: Parties): boolean {
  return parties.dest.tier === 3;
}

/** 15 CFR 742.6(b)(10)(iii)(A)(1), from 2026-01-15: case-by-case for exports from the US to China or
 * Macau of chips below both limits; reexports and buyers located elsewhere stay presumption of denial. */
function chinaLane(law: Law, tx: Transaction, parties: Parties, r: Requirement, rule: string, findings: Finding[]): ReviewPolicy | null {
  const p = param<LaneValue>(law, 'review.chinaLane', tx.date);
  if (!p || !p.value!.destinations.includes(parties.dest.effective) || r.kind === 'hbm') return null;
  const lane = p.value!;
  const tpp = tx.item.tpp;
  const bw = tx.item.memoryBandwidthGBs;
  if (!lane.exportFrom.includes(tx.exportFrom)) {
    findings.push(cite(p, rule, `The January 2026 case-by-case lane covers exports from the United States only; this is a reexport from ${tx.exportFrom}, so presumption of denial stays.`));
    return null;
  }
  if (tpp === null || tpp >= lane.tppBelow) {
    findings.push(cite(p, rule, `The January 2026 case-by-case lane needs TPP below ${num(lane.tppBelow)}; ${tpp === null ? 'TPP is unknown' : `TPP is ${num(tpp)}`}, so presumption of denial stays.`));
    return null;
  }
  if (bw === null) {
    findings.push(cite(p, rule, `Verify: total DRAM bandwidth is unknown; below ${num(lane.dramBandwidthBelowGBs)} GB/s the January 2026 case-by-case lane would apply. Presumption of denial is reported.`, 'low'));
    return null;
  }
  if (bw >= lane.dramBandwidthBelowGBs) {
    findings.push(cite(p, rule, `The January 2026 case-by-case lane needs total DRAM bandwidth below ${num(lane.dramBandwidthBelowGBs)} GB/s (and TPP below ${num(lane.tppBelow)}); it is ${num(bw)} GB/s, so presumption of denial stays.`));
    return null;
  }
  findings.push(cite(p, rule, `Review: ${lane.policy} (January 2026 lane): export from the United States to ${parties.dest.record.name}, TPP ${num(tpp)} below ${num(lane.tppBelow)} and total DRAM bandwidth ${num(bw)} GB/s below ${num(lane.dramBandwidthBelowGBs)}. Conditions: ${lane.conditions.join('; ')}.`));
  return lane.policy;
}

