import { num } from '../format.js';
import type { IsoDate } from '../dates.js';
import type { Finding } from '../findings.js';
import { weakest } from '../findings.js';
import type { Item } from '../chips/catalog.js';
import { intervalOf, type Law, param } from '../law/law.js';
import type { Dated } from '../law/parameters.js';
import { type View, versionAt } from '../law/versions.js';
import { coverageFindings } from './coverage.js';

export type Eccn = '3A090.a' | '3A090.b' | '3A090.c' | '4A090.a' | '4A090.b';

/** The 3A090 paragraph an IC meets, before the 4A090 mapping for computers. */
type IcParagraph = 'a' | 'b' | null;

export interface Classification {
  readonly date: IsoDate;
  readonly ruleVersion: string;
  readonly item: { readonly id: string; readonly eccn: Eccn | null; readonly tpp: number | null; readonly performanceDensity: number | null };
  /** True when a missing number decides the answer; `missing` names it. */
  readonly indeterminate: boolean;
  readonly missing: readonly string[];
  /** Note 2 to 3A090: a non-datacenter IC at or above TPP 4800 is 3A090.a but NAC/ACA-eligible. */
  readonly notificationEligible: boolean;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly findings: readonly Finding[];
}

interface A2022 { tpp: number; bidirectionalGBs: number }
interface A2023 { a1Tpp: number; a2Tpp: number; a2Pd: number }
interface B2023 { b1TppMin: number; b1TppMax: number; b1PdMin: number; b1PdMax: number; b2Tpp: number; b2PdMin: number; b2PdMax: number }


function finding(rule: string, p: Dated<unknown>, text: string, confidence = p.confidence): Finding {
  return { rule, citation: p.citation, text, source: p.source, confidence };
}

/** Classifies an item (IC, computer of ICs, or HBM stack) under the CCL text in force on `date`; the
 * view only names the rule version reported (the CCL text is the same in both). */
export function classify(law: Law, item: Item, date: IsoDate, view: View = 'codified'): Classification {
  // The answer depends on the date only through the interval of the law it falls in: reuse it.
  const key = `${intervalOf(law, date)}${view}`;
  let byInterval = cache.get(item);
  if (!byInterval) cache.set(item, (byInterval = new Map()));
  const hit = byInterval.get(key);
  if (hit && date >= law.coverageStart) return hit.date === date ? hit : { ...hit, date };
  const c = classifyAt(law, item, date, view);
  byInterval.set(key, c);
  return c;
}

const cache = new WeakMap<Item, Map<string, Classification>>();

function classifyAt(law: Law, item: Item, date: IsoDate, view: View): Classification {
  const version = versionAt(law.versions, date, view);
  const rule = version?.id ?? 'none';
  const findings: Finding[] = coverageFindings(law, date, rule);
  const missing: string[] = [];
  let paragraph: IcParagraph | 'c' = null;
  let notificationEligible = false;

  if (item.confidence !== 'high' && !item.tppEstimated) {
    findings.push({ rule, citation: '15 CFR 774 Supp. No. 1, ECCN 3A090, Technical Notes', text: `The catalog's figures for ${item.name} are of ${item.confidence} confidence (see its sources and notes); the classification is only as sure as they are.`, source: item.sources[0] ?? 'catalog', confidence: item.confidence });
  }
  if (item.tppEstimated) {
    findings.push({ rule, citation: '15 CFR 774 Supp. No. 1, ECCN 3A090, Technical Notes', text: `TPP ${num(item.tpp!)} is a published estimate: per-precision dense throughput is not known for ${item.name}. Verify.`, source: item.sources[0] ?? 'catalog', confidence: 'low' });
  }

  if (item.kind === 'hbm') {
    paragraph = classifyHbm(law, item, date, rule, findings);
  } else {
    const a2022 = param<A2022>(law, '3A090.a.2022', date);
    const a2023 = param<A2023>(law, '3A090.a', date);
    if (a2022) paragraph = test2022(item, a2022, rule, findings, missing);
    else if (a2023) ({ paragraph, notificationEligible } = test2023(law, item, date, a2023, rule, findings, missing));
    else findings.push(notYetInForce(law, rule));
  }

  const eccn = toEccn(paragraph, item);
  if (eccn?.startsWith('4A090')) {
    findings.push({ rule, citation: `15 CFR 774 Supp. No. 1, ECCN ${eccn}`, text: `A computer or server holding ${item.computerOf} ICs of 3A090.${paragraph} is ${eccn}.`, source: '88 FR 73458; 89 FR 23876 (4A090.b, per secondary sources)', confidence: eccn === '4A090.b' ? 'medium' : 'high' });
  }
  const tpp = item.tpp === null ? null : item.computerOf ? item.tpp * item.computerOf : item.tpp;
  return {
    date,
    ruleVersion: rule,
    item: { id: item.id, eccn, tpp, performanceDensity: item.performanceDensity },
    indeterminate: missing.length > 0,
    missing,
    notificationEligible,
    confidence: weakest(findings),
    findings,
  };
}

function toEccn(p: IcParagraph | 'c', item: Item): Eccn | null {
  if (p === null) return null;
  if (p === 'c') return '3A090.c';
  return item.computerOf ? (`4A090.${p}` as Eccn) : (`3A090.${p}` as Eccn);
}

function notYetInForce(law: Law, rule: string): Finding {
  const stage = law.versions.find((v) => v.id === '2022-10-acs')?.stages?.find((s) => s.what.includes('3A090'));
  return {
    rule,
    citation: '15 CFR 774 Supp. No. 1, ECCN 3A090 (87 FR 62186)',
    text: `The October 2022 rule brought ECCN 3A090 and its licence requirements into force on ${stage?.date ?? '2022-10-21'} (staged dates): no 3A090 classification before then.`,
    source: 'Steptoe and Mondaq on the staged effective dates; EY dates all but 3B090 from 2022-10-21',
    confidence: 'medium',
  };
}

/** 3A090.a as written in October 2022: both the performance and the interconnect limb. */
function test2022(item: Item, p: Dated<A2022>, rule: string, findings: Finding[], missing: string[]): IcParagraph {
  const { tpp, bidirectionalGBs } = p.value!;
  if (item.tpp === null) {
    missing.push('tpp');
    findings.push(finding(rule, p, 'Indeterminate: the chip\'s TPP (bit length x TOPS) is unknown.', 'low'));
    return null;
  }
  if (item.tpp < tpp) {
    findings.push(finding(rule, p, `Not 3A090.a (2022 test): bit length x TOPS is ${num(item.tpp)}, below ${num(tpp)}.`));
    return null;
  }
  if (item.bidirectionalGBs === null) {
    missing.push('interconnect');
    findings.push(finding(rule, p, `Indeterminate: bit length x TOPS is ${num(item.tpp)} (at or above ${num(tpp)}), but the aggregate bidirectional transfer rate is unknown; 3A090.a needs ${bidirectionalGBs} GB/s or more.`, 'low'));
    return null;
  }
  if (item.bidirectionalGBs < bidirectionalGBs) {
    findings.push(finding(rule, p, `Not 3A090.a (2022 test): bit length x TOPS is ${num(item.tpp)} (at or above ${num(tpp)}) but the bidirectional transfer rate is ${num(item.bidirectionalGBs)} GB/s, below ${bidirectionalGBs} GB/s; both limbs are needed.`));
    return null;
  }
  findings.push(finding(rule, p, `3A090.a (2022 test): bit length x TOPS ${num(item.tpp)} is at or above ${num(tpp)} and the bidirectional transfer rate ${num(item.bidirectionalGBs)} GB/s is at or above ${bidirectionalGBs} GB/s.`));
  return 'a';
}

/** 3A090.a/.b as cut in October 2023, with Note 2 (ICs not designed or marketed for datacenters). */
function test2023(law: Law, item: Item, date: IsoDate, pa: Dated<A2023>, rule: string, findings: Finding[], missing: string[]): { paragraph: IcParagraph; notificationEligible: boolean } {
  const a = pa.value!;
  const pb = param<B2023>(law, '3A090.b', date)!;
  const b = pb.value!;
  const note = param<{ tpp: number }>(law, '3A090.datacenterNote', date)!;
  const tpp = item.tpp;
  const pd = item.performanceDensity;
  const none = { paragraph: null, notificationEligible: false };
  if (tpp === null) {
    missing.push('tpp');
    findings.push(finding(rule, pa, 'Indeterminate: the chip\'s TPP is unknown.', 'low'));
    return none;
  }
  if (!item.datacenter) {
    if (tpp < note.value!.tpp) {
      findings.push(finding(rule, note, `Outside 3A090: not designed or marketed for datacenters, and TPP ${num(tpp)} is below ${num(note.value!.tpp)} (Note 2 to 3A090).`));
      return none;
    }
    findings.push(finding(rule, note, `3A090.a: TPP ${num(tpp)} is at or above ${num(note.value!.tpp)}; as an IC not designed or marketed for datacenters it is notification-eligible (License Exceptions NAC/ACA, Note 2 to 3A090).`));
    return { paragraph: 'a', notificationEligible: true };
  }
  if (tpp >= a.a1Tpp) {
    findings.push(finding(rule, pa, `3A090.a.1: TPP ${num(tpp)} is at or above ${num(a.a1Tpp)}.`));
    return { paragraph: 'a', notificationEligible: false };
  }
  if (tpp < Math.min(a.a2Tpp, b.b2Tpp, b.b1TppMin)) {
    findings.push(finding(rule, pa, `Not 3A090: TPP ${num(tpp)} is below ${num(a.a2Tpp)}, the lowest TPP in 3A090.a or .b.`));
    return none;
  }
  if (pd === null) {
    missing.push('dieArea');
    findings.push(finding(rule, pa, `Indeterminate: TPP ${num(tpp)} is between ${num(a.a2Tpp)} and ${num(a.a1Tpp)}, so performance density decides, and the applicable die area is unknown.`, 'low'));
    return none;
  }
  if (tpp >= a.a2Tpp && pd >= a.a2Pd) {
    findings.push(finding(rule, pa, `3A090.a.2: TPP ${num(tpp)} is at or above ${num(a.a2Tpp)} and performance density ${num(pd)} is at or above ${a.a2Pd}.`));
    return { paragraph: 'a', notificationEligible: false };
  }
  if (tpp >= b.b1TppMin && tpp < b.b1TppMax && pd >= b.b1PdMin && pd < b.b1PdMax) {
    findings.push(finding(rule, pb, `3A090.b.1: TPP ${num(tpp)} is in [${num(b.b1TppMin)}, ${num(b.b1TppMax)}) and performance density ${num(pd)} in [${b.b1PdMin}, ${b.b1PdMax}).`));
    return { paragraph: 'b', notificationEligible: false };
  }
  if (tpp >= b.b2Tpp && pd >= b.b2PdMin && pd < b.b2PdMax) {
    findings.push(finding(rule, pb, `3A090.b.2: TPP ${num(tpp)} is at or above ${num(b.b2Tpp)} and performance density ${num(pd)} in [${b.b2PdMin}, ${b.b2PdMax}).`));
    return { paragraph: 'b', notificationEligible: false };
  }
  findings.push(finding(rule, pb, `Not 3A090: TPP ${num(tpp)} with performance density ${num(pd)} meets neither 3A090.a (TPP ${num(a.a1Tpp)}+, or ${num(a.a2Tpp)}+ with PD ${a.a2Pd}+) nor 3A090.b.`));
  return none;
}

function classifyHbm(law: Law, item: Item, date: IsoDate, rule: string, findings: Finding[]): 'c' | null {
  const c = param<{ density: number }>(law, '3A090.c', date);
  if (!c) {
    findings.push({ rule, citation: '15 CFR 774 Supp. No. 1, ECCN 3A090.c (89 FR 96790)', text: 'ECCN 3A090.c (high-bandwidth memory) is not yet in force on this date.', source: '89 FR 96790', confidence: 'high' });
    return null;
  }
  const d = item.hbmDensity!;
  if (d > c.value!.density) {
    findings.push(finding(rule, c, `3A090.c: memory bandwidth density ${num(d)} GB/s/mm2 is greater than ${c.value!.density}. (HBM co-packaged with a logic IC whose main function is processing is classified by that IC instead.)`));
    return 'c';
  }
  findings.push(finding(rule, c, `Not 3A090.c: memory bandwidth density ${num(d)} GB/s/mm2 is not greater than ${c.value!.density}.`));
  return null;
}
