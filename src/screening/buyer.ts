// What a screening result means for an export to the buyer: pure, from the hits and the list meanings in
// data/lists/lists.yaml.
import type { Finding } from '../findings.js';
import type { IsoDate } from '../dates.js';
import { footnoteMeanings, listMeanings, sdnProgrammes } from './lists.js';
import { daysBetween, type Hit, reviewBand, type ScreenResult } from './service.js';

export type ReviewPolicy = 'presumption-of-denial' | 'case-by-case' | 'presumption-of-approval';

export interface BuyerDetermination {
  readonly licenseRequired: boolean;
  /** The strictest Entity List review policy among the matches, when one can be read from the entries. */
  readonly reviewPolicy: ReviewPolicy | null;
  readonly findings: Finding[];
  /** A footnote-4 entity matched: the advanced-computing foreign direct product rule reaches foreign-made items. */
  readonly footnote4: boolean;
  /** Someone must look: a near miss, or a match whose effect depends on the item or on OFAC. */
  readonly review: boolean;
}

const strictness: Record<ReviewPolicy, number> = { 'presumption-of-approval': 0, 'case-by-case': 1, 'presumption-of-denial': 2 };

/** The review policy an Entity List License Review Policy text states for items in general (AI chips are not
 * in the carve-outs the texts make for food, medicine or named ECCNs): any denial wins, then case-by-case,
 * then approval; null for a text that only points elsewhere ("See §744.2(d)"). */
export function reviewPolicyOf(text: string | null): ReviewPolicy | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/(presumption|policy) (of|for) denial/.test(t)) return 'presumption-of-denial';
  if (/case[- ]by[- ]case/.test(t)) return 'case-by-case';
  if (t.includes('presumption of approval')) return 'presumption-of-approval';
  return null;
}

/** True when an Entity List licence requirement covers every item subject to the EAR, without a condition
 * on the use or the item ("when used in projects...", "items listed in supplement no. 2"). */
function coversAllItems(requirement: string | null): boolean {
  if (!requirement) return true;
  const t = requirement.toLowerCase();
  return /all items subject to the ear/.test(t) && !/when used in|listed in supplement/.test(t);
}

export function buyerFindings(result: ScreenResult, date: IsoDate): BuyerDetermination {
  const rule = `screening:${result.snapshot.asOf}`;
  const snap = result.snapshot;
  const source = (h: Hit) =>
    `Consolidated Screening List snapshot ${snap.asOf} (sha256 ${snap.sha256.slice(0, 12)}), ${h.listName}${h.entityNumber ? ` entry ${h.entityNumber}` : ''}`;
  const findings: Finding[] = [];
  let licenseRequired = false;
  let reviewPolicy: ReviewPolicy | null = null;
  let footnote4 = false;
  let review = false;
  const matched = (h: Hit) => `"${result.query}" matches ${h.list} entry "${h.name}"${h.matchedName !== h.name ? ` (as "${h.matchedName}")` : ''}, score ${h.score}`;

  for (const h of result.hits) {
    const meaning = listMeanings.get(h.list);
    if (h.status === 'review') {
      review = true;
      findings.push({
        rule,
        citation: meaning?.citation ?? h.listName,
        text: `possible match, to be reviewed before export: ${matched(h)} (below the match threshold ${result.threshold})`,
        source: source(h),
        confidence: 'low',
      });
      continue;
    }
    if (!meaning) continue;
    if (meaning.review) review = true;
    const fr = h.federalRegister ? `; ${h.federalRegister}` : '';
    switch (meaning.effect) {
      case 'licence': {
        const all = coversAllItems(h.licenseRequirement);
        const policy = reviewPolicyOf(h.licensePolicy);
        if (all) licenseRequired = true;
        else review = true;
        if (policy && (!reviewPolicy || strictness[policy] > strictness[reviewPolicy])) reviewPolicy = policy;
        findings.push({
          rule,
          citation: `${meaning.citation}${fr}`,
          text: `${matched(h)}: ${all ? 'a licence is required' : 'a licence may be required'} — ${h.licenseRequirement ?? 'for all items subject to the EAR'}; review policy: ${h.licensePolicy ?? 'not stated'}${all ? '' : ' (the requirement depends on the item or its use: review)'}`,
          source: source(h),
          confidence: 'high',
        });
        for (const fn of h.footnotes) {
          const n = Number(fn.slice(2));
          const f = footnoteMeanings.get(n);
          if (!f) continue;
          if (n === 4) footnote4 = true;
          findings.push({
            rule,
            citation: `${f.citation}; Supp. No. 4 to part 744${fr}`,
            text: `${h.name}: ${f.text}${n === 4 ? '; foreign-produced advanced-computing items are subject to the EAR and need a licence for this entity' : ''}`,
            source: source(h),
            confidence: f.confidence,
          });
        }
        break;
      }
      case 'denial':
        licenseRequired = true;
        findings.push({ rule, citation: `${meaning.citation}${fr}`, text: `${matched(h)}: ${meaning.text}`, source: source(h), confidence: meaning.confidence });
        break;
      case 'blocking': {
        const bis = h.programs.map((p) => p.replace(/[[\]]/g, '').trim()).filter((p) => sdnProgrammes.has(p));
        if (bis.length > 0) licenseRequired = true;
        const extra = bis.map((p) => `${sdnProgrammes.get(p)!.citation} (${p}: ${sdnProgrammes.get(p)!.text})`);
        findings.push({
          rule,
          citation: bis.length > 0 ? `${meaning.citation.split(';')[0]}; ${extra.map((e) => e.split(' (')[0]).join('; ')}` : meaning.citation.split(';')[0],
          text: `${matched(h)}: ${meaning.text}${bis.length > 0 ? `; this entry's programmes need a BIS licence: ${extra.join('; ')}` : ''}`,
          source: source(h),
          confidence: meaning.confidence,
        });
        break;
      }
      default:
        findings.push({ rule, citation: `${meaning.citation}${fr}`, text: `${matched(h)}: ${meaning.text}`, source: source(h), confidence: meaning.confidence });
    }
  }

  if (result.hits.length === 0) {
    findings.push({
      rule,
      citation: '15 CFR part 744, Supps. No. 4, 6 and 7; 15 CFR 764.3; 31 CFR chapter V',
      text: `"${result.query}" matches no party on the screened lists (nothing scored ${round(result.threshold - reviewBand)} or more)`,
      source: `Consolidated Screening List snapshot ${snap.asOf} (sha256 ${snap.sha256.slice(0, 12)}, ${snap.rows} parties)`,
      confidence: 'high',
    });
  }
  // The lists change weekly: say which day's lists the answer used and how far that is from the date asked.
  const gap = daysBetween(snap.asOf, date);
  findings.push({
    rule,
    citation: 'Consolidated Screening List',
    text:
      gap >= 0
        ? `screened against the lists as of ${snap.asOf}, ${gap} days before ${date}`
        : `screened against the lists as of ${snap.asOf}, ${-gap} days after ${date}: parties listed or removed in between may differ from the lists in force on ${date}`,
    source: snap.source,
    confidence: gap >= 0 && gap <= 30 ? 'high' : 'medium',
  });
  return { licenseRequired, reviewPolicy, findings, footnote4, review };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
