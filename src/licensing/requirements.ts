import type { Confidence, Finding } from '../findings.js';
import type { Eccn } from '../classification/classify.js';
import type { CountryAt } from '../countries/countries.js';
import { type Law, param } from '../law/law.js';
import type { Dated } from '../law/parameters.js';
import { type DestinationSet, describeSet, inSet } from '../law/destinations.js';
import { bindsVendor, type Letter, letterInForce, letterReviewPolicy } from '../law/letters.js';
import type { ReviewPolicy } from '../law/review.js';
import type { View } from '../law/versions.js';
import type { Transaction } from './transaction.js';

// The licence requirements of 15 CFR 742.6(a)(6) and 744.23 for one transaction, each kept with the
// paragraph that imposes it, and the overlays that bind regardless of the CCL (letters, GP10 guidance).

/** Why a licence is needed: each requirement keeps the paragraph that imposes it. */
export type Requirement =
  | { kind: 'destination'; p: Dated<DestinationSet> }
  | { kind: 'headquarters'; p: Dated<DestinationSet>; where: string }
  | { kind: 'worldwide'; p: Dated<unknown>; enforced: boolean }
  /** The AI Diffusion worldwide requirement in the enforced view: codified, not enforced; needs no licence. */
  | { kind: 'unenforced'; p: Dated<unknown> }
  | { kind: 'hbm'; p: Dated<DestinationSet> }
  | { kind: 'letter'; policy: ReviewPolicy }
  /** General Prohibition 10 guidance: BIS authorization needed to deal in the chip at all. */
  | { kind: 'gp10' };

/** The requirements the CCL paragraphs impose (not the overlays: letters, GP10 guidance). */
export type CclRequirement = Exclude<Requirement, { kind: 'letter' } | { kind: 'gp10' }>;

export interface Parties {
  readonly dest: CountryAt;
  readonly buyerHq: CountryAt;
  readonly parentHq: CountryAt | null;
}

interface UaeCarveOuts {
  country: string;
  parties: { name: string; kind: string; match: string[]; lapses?: string }[];
}

/** A finding from a dated parameter: its citation, source and confidence, with the text given. */
export const cite = (p: Dated<unknown>, rule: string, text: string, confidence: Confidence = p.confidence): Finding => ({ rule, citation: p.citation, text, source: p.source, confidence });

export function candidateEccns(tx: Transaction): Eccn[] {
  if (tx.item.kind === 'hbm') return ['3A090.c'];
  return tx.item.computerOf ? ['4A090.a', '4A090.b'] : ['3A090.a', '3A090.b'];
}


/** The paragraphs of 15 CFR 742.6(a)(6) and 744.23(a)(3) that reach this item, destination and buyer. */
export function requirementsFor(law: Law, eccn: Eccn, tx: Transaction, parties: Parties, view: View): CclRequirement[] {
  const { date } = tx;
  const out: CclRequirement[] = [];
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
    if (view === 'codified' || enforced?.value) out.push({ kind: 'worldwide', p: world, enforced: enforced?.value ?? false });
    else if (enforced) out.push({ kind: 'unenforced', p: enforced });
  }
  return out;
}

export function requirementFinding(r: CclRequirement, rule: string, eccn: Eccn, parties: Parties, tx: Transaction): Finding {
  switch (r.kind) {
    case 'destination':
      return cite(r.p, rule, `Licence required: ${eccn} to ${parties.dest.record.name}, which is in the destinations of ${r.p.citation}: ${describeSet(r.p.value!)}.`);
    case 'hbm':
      return cite(r.p, rule, `Licence required: 3A090.c to ${parties.dest.record.name} (${describeSet(r.p.value!)}); there is no headquarters limb for HBM.`);
    case 'headquarters':
      return cite(r.p, rule, `Licence required wherever the item goes: ${r.where}, within ${describeSet(r.p.value!)} (the headquarters rule).`);
    case 'worldwide':
      return cite(r.p, rule, `Licence required (AI Diffusion text): ${eccn} needs a licence to every destination, ${parties.dest.record.name} included.${r.enforced ? '' : ' This text is codified but BIS does not enforce it.'}`);
    case 'unenforced':
      return cite(r.p, rule, `The AI Diffusion text (15 CFR 742.6(a)(6)(iii)(A)) would require a licence for ${eccn} to ${parties.dest.record.name}, but BIS has not enforced it since ${r.p.from}: no licence in practice. The codified view gives the text's answer.`);
  }
}

/** The July 2026 UAE rule: no licence for the UAE Government, Supp. No. 8 entities and the listed US companies' subsidiaries. */
export function uaeCarveOut(law: Law, tx: Transaction, parties: Parties, rule: string, findings: Finding[]): boolean {
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
export function letterRequirement(law: Law, tx: Transaction, parties: Parties, rule: string, findings: Finding[]): Requirement | null {
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
export function gp10Requirement(law: Law, tx: Transaction, rule: string, findings: Finding[]): Requirement | null {
  const g = law.guidance.find((x) => x.chips.includes(tx.item.id) && x.from <= tx.date && (x.until === null || tx.date < x.until));
  if (!g) return null;
  findings.push({ rule, citation: g.citation, text: `BIS authorization required: ${g.text}`, source: g.source, confidence: g.confidence });
  return { kind: 'gp10' };
}


/** The BIS policy statement of 2025-05-13: with knowledge that the items will train AI models for a party
 * headquartered in D:5 or Macau, a licence may be needed under the end-use controls, whatever the item is.
 * The answer turns on knowledge and end use, so it is an open question for a person, not a yes. */
export function trainingEndUse(law: Law, tx: Transaction, rule: string, findings: Finding[]): boolean {
  if (!tx.trainsFor) return false;
  const p = param<DestinationSet>(law, 'aiTrainingEndUse', tx.date);
  const where = law.countries.at(tx.trainsFor, tx.date);
  if (!p || !inSet(p.value!, where)) return false;
  findings.push(cite(p, rule, `Stop: the items will train AI models for a party headquartered in ${where.record.name} (${describeSet(p.value!)}). Under BIS's policy statement of ${p.from} a licence may be needed under the end-use controls (WMD, military-intelligence), on knowledge; ask BIS before going ahead.`));
  return true;
}
