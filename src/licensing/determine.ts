import type { IsoDate } from '../dates.js';
import { type Confidence, type Finding, weakest } from '../findings.js';
import { classify, type Classification } from '../classification/classify.js';
import type { CountryAt } from '../countries/countries.js';
import type { Law } from '../law/law.js';
import type { ReviewPolicy } from '../law/review.js';
import { type View, versionAt } from '../law/versions.js';
import { partyOutcome, type PartyOutcome, type PartyScreening } from './parties.js';
import { exceptionsFor, type LicenseException } from './exceptions.js';
import { candidateEccns, gp10Requirement, trainingEndUse, letterRequirement, type Parties, type Requirement, requirementFinding, requirementsFor, uaeCarveOut } from './requirements.js';
import { reviewPolicyFor, stricter } from './review.js';
import type { Transaction } from './transaction.js';

export type { LicenseException } from './exceptions.js';

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

/** The answer for one transaction in one view: classification, then each licence requirement that
 * applies, the review policy of the strictest, and the licence exceptions the facts allow. */
export function determine(law: Law, tx: Transaction, view: View, screening?: PartyScreening): Determination {
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
    answer(date, view, rule, cls, findings, partyOutcome(law, tx, rule, screening), licenseRequired, reviewPolicy, licenseExceptions);

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
  // The July 2026 UAE carve-outs take a named buyer out of every paragraph.
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

  // An AI-training end use for a D:5/Macau-headquartered party leaves a "no licence" answer open.
  const endUse = trainingEndUse(law, tx, rule, findings);
  if (requirements.length === 0) {
    if (endUse) return done(null, null, []);
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

/** The closing step: what the screened parties add (15 CFR 744.11, the Entity List and the Affiliates
 * rule) overrides the item's answer: a licence for every item subject to the EAR, and no exception. */
function answer(date: IsoDate, view: View, rule: string, cls: Classification, findings: Finding[], parties: PartyOutcome | undefined, licenseRequired: boolean | null, reviewPolicy: ReviewPolicy | null, licenseExceptions: LicenseException[]): Determination {
  if (parties) {
    findings.push(...parties.findings);
    if (parties.licenseRequired) {
      licenseRequired = true;
      reviewPolicy = stricter(reviewPolicy, parties.reviewPolicy ?? 'presumption-of-denial');
      licenseExceptions = [];
    } else if (parties.licenseRequired === null && licenseRequired !== true) {
      licenseRequired = null;
      reviewPolicy = null;
      licenseExceptions = [];
    }
  }
  const confidence = weakest(findings);
  if (confidence === 'low') findings.push(verifyNote(rule, findings));
  return { date, view, ruleVersion: rule, item: cls.item, licenseRequired, reviewPolicy, licenseExceptions, confidence, findings };
}

/** Both views at once: the enforced answer, with the codified one beside it. */
export function check(law: Law, tx: Transaction, view: View | 'both', screening?: PartyScreening): Determination {
  if (view !== 'both') return determine(law, tx, view, screening);
  return { ...determine(law, tx, 'enforced', screening), codified: determine(law, tx, 'codified', screening) };
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

function verifyNote(rule: string, findings: readonly Finding[]): Finding {
  const weak = findings.filter((f) => f.confidence === 'low').map((f) => f.citation);
  return { rule, citation: [...new Set(weak)].join('; '), text: 'Verify: this determination rests on at least one low-confidence fact (see the findings marked low); check it against the current CFR before relying on it.', source: 'earmark confidence rule', confidence: 'low' };
}
