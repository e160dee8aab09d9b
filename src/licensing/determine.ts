import { num } from '../format.js';
import type { IsoDate } from '../dates.js';
import { type Confidence, type Finding, weakest } from '../findings.js';
import { classify, type Classification, type Eccn } from '../classification/classify.js';
import type { CountryAt } from '../countries/countries.js';
import { type Law, param } from '../law/law.js';
import type { Dated } from '../law/parameters.js';
import { type DestinationSet, describeSet, inSet } from '../law/destinations.js';
import { bindsVendor, type Letter, letterInForce, letterReviewPolicy } from '../law/letters.js';
import type { ReviewPolicy } from '../law/review.js';
import { type View, versionAt } from '../law/versions.js';
import { stricter } from './policy.js';
import type { Transaction } from './transaction.js';
import type { BuyerDetermination } from '../screening/buyer.js';

export type LicenseException = 'NAC' | 'ACA' | 'LPP' | 'AIA' | 'ACM' | 'HBM';

export interface Determination {
  readonly date: IsoDate;
  readonly view: View;
  readonly ruleVersion: string;
  readonly item: Classification['item'];
  /** null = indeterminate, with the reason in the findings. */
  readonly licenseRequired: boolean | null;
  readonly reviewPolicy: ReviewPolicy | null;
  readonly licenseExceptions: LicenseException[];
  readonly confidence: Confidence;
  readonly findings: Finding[];
  readonly codified?: Determination;
}

/** Why a licence is needed: each requirement keeps the paragraph that imposes it. */
type Requirement =
  | { kind: 'destination'; p: Dated<DestinationSet> }
  | { kind: 'headquarters'; p: Dated<DestinationSet>; where: string }
  | { kind: 'worldwide'; p: Dated<unknown> }
  /** The AI Diffusion worldwide requirement in the enforced view: codified, not enforced; needs no licence. */
  | { kind: 'unenforced'; p: Dated<unknown> }
  | { kind: 'hbm'; p: Dated<DestinationSet> }
  | { kind: 'letter'; policy: ReviewPolicy }
  /** General Prohibition 10 guidance: BIS authorization needed to deal in the chip at all. */
  | { kind: 'gp10' };

interface Parties {
  readonly dest: CountryAt;
  readonly buyerHq: CountryAt;
  readonly parentHq: CountryAt | null;
}

interface LaneValue {
  policy: ReviewPolicy;
  destinations: string[];
  exportFrom: string[];
  tppBelow: number;
  dramBandwidthBelowGBs: number;
  conditions: string[];
}

interface UaeCarveOuts {
  country: string;
  parties: { name: string; kind: string; match: string[]; lapses?: string }[];
}

const cite = (p: Dated<unknown>, rule: string, text: string, confidence: Confidence = p.confidence): Finding => ({ rule, citation: p.citation, text, source: p.source, confidence });

/** The answer for one transaction in one view: classification, then each licence requirement that
 * applies, the review policy of the strictest, and the licence exceptions the facts allow. */
export function determine(law: Law, tx: Transaction, view: View, buyer?: BuyerDetermination): Determination {
  const { date } = tx;
  const rule = versionAt(law.versions, date, view)?.id ?? 'none';
  const cls = classify(law, tx.item, date, view);
  const findings: Finding[] = [...cls.findings];
  const parties: Parties = {
    dest: law.countries.at(tx.to, date),
    buyerHq: law.countries.at(tx.buyerHq, date),
    parentHq: tx.parentHq ? law.countries.at(tx.parentHq, date) : null,
  };
  const done = (licenseRequired: boolean | null, reviewPolicy: ReviewPolicy | null, licenseExceptions: LicenseException[]) =>
    answer(date, view, rule, cls, findings, buyer, licenseRequired, reviewPolicy, licenseExceptions);

  // 15 CFR 772.1: a shipment to the United States (its territories included) is not an export.
  if (parties.dest.effective === 'US') {
    findings.push({ rule, citation: '15 CFR 772.1 ("United States")', text: `${parties.dest.record.name} is part of the United States: a shipment there is not an export and needs no licence under these rules.`, source: 'EAR definitions', confidence: 'high' });
    return answer(date, view, rule, cls, findings, undefined, false, null, []);
  }
  if (parties.dest.record.indeterminate) {
    findings.push({ rule, citation: '15 CFR 738.3; 15 CFR 740 Supp. No. 1', text: `${parties.dest.record.name} is named in no Country Group and has no sovereign to follow: earmark cannot place it. Ask BIS.`, source: 'countries.md (earmark data)', confidence: 'low' });
    return done(cls.item.eccn || cls.indeterminate ? null : false, null, []);
  }
  findings.push(destinationFinding(rule, parties.dest));

  const requirements: Requirement[] = [];
  const letter = letterRequirement(law, tx, parties, rule, findings) ?? gp10Requirement(law, tx, rule, findings);
  if (letter) requirements.push(letter);

  const eccn = cls.item.eccn;
  // When a missing number decides the classification, see whether any paragraph could apply at all.
  const carvedOut = eccn || cls.indeterminate ? uaeCarveOut(law, tx, parties, rule, findings) : false;

  if (!eccn && !cls.indeterminate) {
    findings.push({ rule, citation: '15 CFR 742.6(a)(6)', text: 'Not a 3A090/4A090 item: no advanced-computing (RS) licence requirement. End-use controls (15 CFR 744.23) and the parties\' screening still apply.', source: 'EAR', confidence: 'high' });
  }
  // An unknown number decides only if some paragraph would need a licence here and no letter already does.
  if (cls.indeterminate && !letter) {
    const candidates = candidateEccns(tx);
    if (!carvedOut && candidates.some((e) => requirementsFor(law, e, tx, parties, view).length > 0)) {
      findings.push({ rule, citation: '15 CFR 742.6(a)(6)', text: `Indeterminate: if the item is ${candidates.join(' or ')}, a licence is needed here; the missing ${cls.missing.join(', ')} decides.`, source: 'EAR', confidence: 'low' });
      return done(null, null, []);
    }
    findings.push({ rule, citation: '15 CFR 742.6(a)(6)', text: `Whatever its classification, no advanced-computing licence requirement reaches ${parties.dest.record.name} for this buyer on ${date}.`, source: 'EAR', confidence: 'high' });
    return done(false, null, []);
  }

  const all = eccn && !carvedOut ? requirementsFor(law, eccn, tx, parties, view) : [];
  for (const r of all) findings.push(requirementFinding(r, rule, eccn!, parties, tx));
  const ccl = all.filter((r) => r.kind !== 'unenforced');
  requirements.push(...ccl);

  if (requirements.length === 0) {
    if (eccn && !carvedOut) findings.push({ rule, citation: eccn === '3A090.c' ? '15 CFR 742.6(a)(6)(i)(B)' : '15 CFR 742.6(a)(6)', text: `No licence required: ${parties.dest.record.name} is outside the ${eccn} destinations${view === 'enforced' ? ' BIS enforces' : ''} on ${date}, and the buyer is not headquartered (nor its parent) where the headquarters rule reaches.`, source: 'EAR', confidence: 'high' });
    return done(false, null, []);
  }

  let policy: ReviewPolicy | null = null;
  for (const r of requirements) {
    const before = findings.length;
    policy = stricter(policy, reviewPolicyFor(law, r, tx, parties, rule, findings));
    // Two requirements under the same policy paragraph say it once.
    const added = findings[findings.length - 1];
    if (findings.length > before && findings.some((f, i) => i < before && f.text === added.text)) findings.pop();
  }
  const exceptions = letter ? [] : exceptionsFor(law, eccn!, cls, ccl, tx, parties, view, rule, findings);
  if (letter && ccl.length) findings.push({ rule, citation: letter.kind === 'gp10' ? '15 CFR 736.2(b)(10)' : '15 CFR 744.23', text: `${letter.kind === 'gp10' ? 'General Prohibition 10 guidance' : 'An is-informed letter'} applies: no licence exception can be used.`, source: 'EAR', confidence: 'high' });
  return done(true, policy, exceptions);
}

/** The closing step: a buyer on the Entity List needs a licence for every item subject to the EAR
 * (15 CFR 744.11), whatever the item and destination, with the entry's review policy and no exception. */
function answer(date: IsoDate, view: View, rule: string, cls: Classification, findings: Finding[], buyer: BuyerDetermination | undefined, licenseRequired: boolean | null, reviewPolicy: ReviewPolicy | null, licenseExceptions: LicenseException[]): Determination {
  if (buyer) {
    findings.push(...buyer.findings);
    if (buyer.licenseRequired) {
      licenseRequired = true;
      reviewPolicy = stricter(reviewPolicy, buyer.reviewPolicy ?? 'presumption-of-denial');
      licenseExceptions = [];
    }
  }
  const confidence = weakest(findings);
  if (confidence === 'low') findings.push(verifyNote(rule, findings));
  return { date, view, ruleVersion: rule, item: cls.item, licenseRequired, reviewPolicy, licenseExceptions, confidence, findings };
}

/** Both views at once: the enforced answer, with the codified one beside it. */
export function check(law: Law, tx: Transaction, view: View | 'both', buyer?: BuyerDetermination): Determination {
  if (view !== 'both') return determine(law, tx, view, buyer);
  return { ...determine(law, tx, 'enforced', buyer), codified: determine(law, tx, 'codified', buyer) };
}

function candidateEccns(tx: Transaction): Eccn[] {
  if (tx.item.kind === 'hbm') return ['3A090.c'];
  return tx.item.computerOf ? ['4A090.a', '4A090.b'] : ['3A090.a', '3A090.b'];
}

/** The destination as the law saw it: one finding per membership segment and rule version, kept. */
function destinationFinding(rule: string, c: CountryAt): Finding {
  let byRule = destinationFindings.get(c);
  if (!byRule) destinationFindings.set(c, (byRule = new Map()));
  let f = byRule.get(rule);
  if (f) return f;
  const via = c.effective !== c.record.iso2 ? ` (treated as ${c.effective}${c.record.basis ? `: ${c.record.basis}` : ''})` : '';
  const groups = [...c.groups].sort().join(', ') || 'none';
  const change = c.change ? ` Membership as changed on ${c.change.date} (${c.change.citation}).` : '';
  f = {
    rule,
    citation: c.change?.citation ?? '15 CFR 740 Supp. No. 1',
    text: `${c.record.name}${via}: Country Groups ${groups}; AI Diffusion tier ${c.tier}.${change}`,
    source: c.change?.source ?? 'eCFR Title 15 Part 740 Supp. No. 1 (issue of 2026-07-23)',
    confidence: c.change?.confidence ?? 'high',
  };
  byRule.set(rule, f);
  return f;
}

const destinationFindings = new WeakMap<CountryAt, Map<string, Finding>>();

/** The paragraphs of 15 CFR 742.6(a)(6) and 744.23(a)(3) that reach this item, destination and buyer. */
function requirementsFor(law: Law, eccn: Eccn, tx: Transaction, parties: Parties, view: View): Requirement[] {
  const { date } = tx;
  const out: Requirement[] = [];
  if (eccn === '3A090.c') {
    const c = param<DestinationSet>(law, 'destinations.c', date);
    if (c && inSet(c.value!, parties.dest)) out.push({ kind: 'hbm', p: c });
    return out;
  }
  const ab = param<DestinationSet>(law, 'destinations.ab', date);
  if (ab && inSet(ab.value!, parties.dest)) out.push({ kind: 'destination', p: ab });
  const hq = param<DestinationSet>(law, 'headquarters', date);
  if (hq) {
    if (inSet(hq.value!, parties.buyerHq)) out.push({ kind: 'headquarters', p: hq, where: `the buyer is headquartered in ${parties.buyerHq.record.name}` });
    else if (parties.parentHq && inSet(hq.value!, parties.parentHq)) out.push({ kind: 'headquarters', p: hq, where: `the buyer's ultimate parent is headquartered in ${parties.parentHq.record.name}` });
  }
  const world = param<{ items: string[] }>(law, 'destinations.worldwide', date);
  const enforced = param<boolean>(law, 'diffusion.enforced', date);
  if (world && world.value!.items.includes(eccn)) {
    if (view === 'codified' || enforced?.value) out.push({ kind: 'worldwide', p: world });
    else if (enforced) out.push({ kind: 'unenforced', p: enforced });
  }
  return out;
}

function requirementFinding(r: Requirement, rule: string, eccn: Eccn, parties: Parties, tx: Transaction): Finding {
  switch (r.kind) {
    case 'destination':
      return cite(r.p, rule, `Licence required: ${eccn} to ${parties.dest.record.name}, which is in the destinations of ${r.p.citation}: ${describeSet(r.p.value!)}.`);
    case 'hbm':
      return cite(r.p, rule, `Licence required: 3A090.c to ${parties.dest.record.name} (${describeSet(r.p.value!)}); there is no headquarters limb for HBM.`);
    case 'headquarters':
      return cite(r.p, rule, `Licence required wherever the item goes: ${r.where}, within ${describeSet(r.p.value!)} (the headquarters rule, from 2023-11-17).`);
    case 'worldwide':
      return cite(r.p, rule, `Licence required (AI Diffusion text): ${eccn} needs a licence to every destination, ${parties.dest.record.name} included.${tx.date >= '2025-05-13' ? ' This text is codified but BIS does not enforce it (announcement of 2025-05-13).' : ''}`);
    case 'unenforced':
      return cite(r.p, rule, `The AI Diffusion text (15 CFR 742.6(a)(6)(iii)(A)) would require a licence for ${eccn} to ${parties.dest.record.name}, but BIS has not enforced it since 2025-05-13: no licence in practice. The codified view gives the text's answer.`);
    case 'letter':
    case 'gp10':
      return { rule, citation: '15 CFR 744.23', text: 'Licence required by an is-informed letter.', source: 'letter', confidence: 'high' };
  }
}

/** The July 2026 UAE rule: no licence for the UAE Government, Supp. No. 8 entities and the listed US companies' subsidiaries. */
function uaeCarveOut(law: Law, tx: Transaction, parties: Parties, rule: string, findings: Finding[]): boolean {
  const p = param<UaeCarveOuts>(law, 'uae.carveOuts', tx.date);
  if (!p || parties.dest.effective !== p.value!.country || !tx.buyer) return false;
  const buyer = ` ${tx.buyer.toLowerCase().replace(/[^a-z0-9.]+/g, ' ')} `;
  const party = p.value!.parties.find((x) => x.match.some((m) => buyer.includes(` ${m} `)));
  if (!party) return false;
  if (party.kind === 'us-company' && tx.parentHq && tx.parentHq !== 'US') return false;
  const lapse = party.lapses ? ` Its authorization lapses on ${party.lapses} absent further notice.` : '';
  findings.push(cite(p, rule, `No licence required: "${tx.buyer}" is taken as ${party.name} (${party.kind === 'supp8' ? 'an entity in Supp. No. 8 to part 740' : party.kind === 'government' ? 'the UAE Government' : 'a listed US company or its UAE subsidiary'}), carved out of the UAE licence requirement by the July 2026 rule.${lapse} Verify the buyer's identity.`));
  return true;
}

/** Is-informed letters bind their addressee only: they apply when --vendor names it. */
function letterRequirement(law: Law, tx: Transaction, parties: Parties, rule: string, findings: Finding[]): Requirement | null {
  for (const l of lettersFor(law, tx.item.id)) {
    if (!letterInForce(l, tx.date)) continue;
    const reaches = inSet(l.destinations, parties.dest) || (l.headquarters !== undefined && (inSet(l.headquarters, parties.buyerHq) || (parties.parentHq !== null && inSet(l.headquarters, parties.parentHq))));
    if (!reaches) continue;
    if (!bindsVendor(l, tx.vendor)) {
      findings.push({ rule, citation: l.citation, text: `An is-informed letter to ${l.addressee} (${l.from}) covers this chip here, but it binds only ${l.addressee} as exporter${tx.vendor ? `, not ${tx.vendor}` : '; no --vendor was given'}.`, source: l.source, confidence: l.confidence });
      continue;
    }
    const policy = letterReviewPolicy(l, tx.date);
    findings.push({ rule, citation: l.citation, text: `Licence required by an is-informed letter: ${l.text}`, source: l.source, confidence: l.confidence });
    return { kind: 'letter', policy };
  }
  return null;
}

const letterIndex = new WeakMap<Law, Map<string, Letter[]>>();

/** The letters naming a chip, indexed once per law. */
function lettersFor(law: Law, chipId: string): readonly Letter[] {
  let index = letterIndex.get(law);
  if (!index) {
    index = new Map();
    for (const l of law.letters) for (const id of l.chips) index.set(id, [...(index.get(id) ?? []), l]);
    letterIndex.set(law, index);
  }
  return index.get(chipId) ?? [];
}

/** General Prohibition 10 (15 CFR 736.2(b)(10)): guidance naming chips made in violation of the EAR
 * reaches every exporter and destination. */
function gp10Requirement(law: Law, tx: Transaction, rule: string, findings: Finding[]): Requirement | null {
  const g = law.guidance.find((x) => x.chips.includes(tx.item.id) && x.from <= tx.date && (x.until === null || tx.date < x.until));
  if (!g) return null;
  findings.push({ rule, citation: g.citation, text: `BIS authorization required: ${g.text}`, source: g.source, confidence: g.confidence });
  return { kind: 'gp10' };
}

/** 15 CFR 742.6(b)(10): the review policy for one requirement. */
function reviewPolicyFor(law: Law, r: Requirement, tx: Transaction, parties: Parties, rule: string, findings: Finding[]): ReviewPolicy {
  const { date } = tx;
  if (r.kind === 'letter') return r.policy;
  if (r.kind === 'gp10') {
    findings.push({ rule, citation: '15 CFR 736.2(b)(10)', text: 'Review: no policy is stated for an authorization under General Prohibition 10; earmark reports presumption-of-denial, the strictest. Verify with BIS.', source: 'BIS guidance of 2025-05-13 (no review policy stated)', confidence: 'low' });
    return 'presumption-of-denial';
  }
  if (r.kind === 'worldwide' && !inD5OrMacau(law, parties, date)) {
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
  const restricted = r.kind === 'headquarters' || r.kind === 'hbm' || inD5OrMacau(law, parties, date);
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

function inD5OrMacau(law: Law, parties: Parties, date: IsoDate): boolean {
  const d5 = param<DestinationSet>(law, 'headquarters', date)?.value ?? { groups: ['D:5'], countries: ['MO'] };
  return inSet(d5, parties.dest);
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

/** 15 CFR 740.2(a)(9)(ii) limits the exceptions for these items; each available one is listed with its conditions. */
function exceptionsFor(law: Law, eccn: Eccn, cls: Classification, ccl: Requirement[], tx: Transaction, parties: Parties, view: View, rule: string, findings: Finding[]): LicenseException[] {
  const { date } = tx;
  const out: LicenseException[] = [];
  const has = (kind: Requirement['kind']) => ccl.some((r) => r.kind === kind);
  if (eccn === '3A090.c') {
    const hbm = param<{ densityBelow: number }>(law, 'exception.HBM', date);
    if (hbm && tx.item.hbmDensity !== null && tx.item.hbmDensity < hbm.value!.densityBelow) {
      out.push('HBM');
      findings.push(cite(hbm, rule, `License Exception HBM may apply: density ${num(tx.item.hbmDensity)} GB/s/mm2 is below ${hbm.value!.densityBelow}, on the conditions of 740.25. Verify: the boundary is unverified.`));
    } else if (hbm) {
      findings.push(cite(hbm, rule, `License Exception HBM is not available: it covers only stacks below ${hbm.value!.densityBelow} GB/s/mm2. NAC/ACA do not cover 3A090.c.`));
    }
    return out;
  }

  const nac = param<{ notify: DestinationSet; noNotificationName: 'NAC' | 'ACA' }>(law, 'exception.NAC', date);
  const nacItem = eccn.endsWith('.b') || cls.notificationEligible;
  if (nac && nacItem) {
    const notify = inSet(nac.value!.notify, parties.dest) || has('headquarters');
    const name = notify ? 'NAC' : nac.value!.noNotificationName;
    out.push(name);
    findings.push(cite(nac, rule, notify
      ? `License Exception NAC is available (${cls.notificationEligible ? 'an IC not designed or marketed for datacenters' : eccn}): notify BIS before shipping and ship once BIS issues the NAC authorization number. (A 25-day period is reported by secondary sources only.)`
      : `License Exception ${name} is available (${cls.notificationEligible ? 'an IC not designed or marketed for datacenters' : eccn}) with no notification: the destination is outside D:5 and Macau and the buyer is not headquartered there.${name === 'NAC' ? ' (The April 2024 rule renamed this branch ACA.)' : ''}`));
  } else if (nac) {
    findings.push(cite(nac, rule, `License Exceptions NAC/ACA are not available: they cover 3A090.b and ICs not designed or marketed for datacenters, not datacenter ${eccn} items.`));
  }

  // AI Diffusion exceptions reach only what its worldwide requirement added (740.2(a)(9)(ii)).
  if (has('worldwide') && !has('destination') && !has('headquarters') && !nacItem) {
    const aia = param<{ conditions: string[] }>(law, 'exception.AIA', date);
    if (aia) {
      const inTier1 = parties.dest.tier === 1 && parties.buyerHq.tier === 1 && (!parties.parentHq || parties.parentHq.tier === 1);
      if (inTier1) {
        out.push('AIA');
        findings.push(cite(aia, rule, `License Exception AIA is available: the buyer is located in a Tier 1 destination and neither it nor its parent is headquartered outside Tier 1. Conditions: ${aia.value!.conditions.join('; ')}.`));
      } else {
        findings.push(cite(aia, rule, `License Exception AIA is not available: it needs a buyer located in Tier 1 and not headquartered (nor its parent) outside Tier 1; here the destination is Tier ${parties.dest.tier} and the buyer's headquarters Tier ${parties.buyerHq.tier}.`));
      }
    }
    const lpp = param<{ annualTppPerConsignee: number; items: string[]; excluded: DestinationSet }>(law, 'exception.LPP', date);
    if (lpp && lpp.value!.items.includes(eccn) && cls.item.tpp !== null) {
      const total = cls.item.tpp * tx.quantity;
      const cap = lpp.value!.annualTppPerConsignee;
      if (total <= cap) {
        out.push('LPP');
        findings.push(cite(lpp, rule, `License Exception LPP is available: ${num(tx.quantity)} x TPP ${num(cls.item.tpp)} = ${num(total)} is within ${num(cap)} TPP per ultimate consignee per calendar year, counting every shipment to that consignee this year (keep the count in the ledger). BIS must be notified (secondary sources).`));
      } else {
        findings.push(cite(lpp, rule, `License Exception LPP is not enough: ${num(tx.quantity)} x TPP ${num(cls.item.tpp)} = ${num(total)} exceeds ${num(cap)} TPP per ultimate consignee per calendar year.`));
      }
    }
    const acm = param<unknown>(law, 'exception.ACM', date);
    if (acm) findings.push(cite(acm, rule, 'License Exception ACM could apply only if the items are for development, production or storage by a private-sector end user before onward shipment to customers outside D:5 and Macau; earmark does not assume that end use.'));
  } else if (view === 'codified' && param(law, 'exception.LPP', date) && eccn.endsWith('.a') && !nacItem) {
    findings.push({ rule, citation: '15 CFR 740.2(a)(9)(ii)', text: 'License Exceptions AIA, LPP and ACM are not available where the destination or the buyer\'s headquarters is within the pre-existing scope (D:1, D:4, D:5 or Macau).', source: '90 FR 4544; public EAR-engine reproduction of 740.2', confidence: 'medium' });
  }
  return out;
}

function verifyNote(rule: string, findings: readonly Finding[]): Finding {
  const weak = findings.filter((f) => f.confidence === 'low').map((f) => f.citation);
  return { rule, citation: [...new Set(weak)].join('; '), text: 'Verify: this determination rests on at least one low-confidence fact (see the findings marked low); check it against the current CFR before relying on it.', source: 'earmark confidence rule', confidence: 'low' };
}
