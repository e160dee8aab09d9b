import type { Finding } from '../findings.js';
import { type Law, param } from '../law/law.js';
import type { ReviewPolicy } from '../law/review.js';
import type { BuyerDetermination } from '../screening/buyer.js';
import { cite } from './requirements.js';
import type { Transaction } from './transaction.js';

/** The parties screened at the edge (the core does no I/O): the buyer, and the buyer's owner when given. */
export interface PartyScreening {
  readonly buyer?: BuyerDetermination;
  readonly owner?: BuyerDetermination;
}

/** What the screened parties add to a determination: a licence for every item subject to the EAR
 * (true), an open question (null), or nothing (undefined), with the review policy and findings. */
export interface PartyOutcome {
  readonly licenseRequired: boolean | null | undefined;
  readonly reviewPolicy: ReviewPolicy | null;
  readonly findings: readonly Finding[];
}

interface Affiliates {
  status: 'in-force' | 'suspended' | 'unknown';
  ownershipAtLeast: number;
}

const none: PartyOutcome = { licenseRequired: undefined, reviewPolicy: null, findings: [] };

/** 15 CFR 744.11: a buyer on the Entity List needs a licence for every item subject to the EAR, with the
 * entry's review policy; under the Affiliates rule so does a buyer owned 50% or more by a listed party. */
export function partyOutcome(law: Law, tx: Transaction, rule: string, s: PartyScreening | undefined): PartyOutcome {
  if (!s) return none;
  const buyer: PartyOutcome = s.buyer ? { licenseRequired: s.buyer.licenseRequired || undefined, reviewPolicy: s.buyer.reviewPolicy ?? (s.buyer.licenseRequired ? 'presumption-of-denial' : null), findings: s.buyer.findings } : none;
  if (!s.owner || tx.owner === undefined) return buyer;
  const owner = affiliate(law, tx, rule, s.owner);
  const licenseRequired = buyer.licenseRequired || owner.licenseRequired || (buyer.licenseRequired === null || owner.licenseRequired === null ? null : undefined);
  const policies = [buyer.reviewPolicy, owner.reviewPolicy];
  const reviewPolicy = policies.includes('presumption-of-denial') ? 'presumption-of-denial' : policies.find((p) => p !== null) ?? null;
  return { licenseRequired, reviewPolicy, findings: [...buyer.findings, ...owner.findings] };
}

function affiliate(law: Law, tx: Transaction, rule: string, owner: BuyerDetermination): PartyOutcome {
  const findings = owner.findings.map((f) => ({ ...f, text: `Owner "${tx.owner}" (${tx.ownerShare}% of the buyer): ${f.text}` }));
  if (!owner.licenseRequired) return { licenseRequired: undefined, reviewPolicy: null, findings };
  const p = param<Affiliates>(law, 'affiliates', tx.date);
  const share = tx.ownerShare ?? 0;
  if (!p) {
    findings.push({ rule, citation: '15 CFR 744.11', text: `The owner is on the Entity List, but before the Affiliates rule took effect ownership alone did not extend an entry to the buyer. Treat it as a red flag and do due diligence.`, source: 'FR Doc 2025-19001 (effective 2025-09-29)', confidence: 'high' });
    return { licenseRequired: undefined, reviewPolicy: null, findings };
  }
  const a = p.value!;
  if (share < a.ownershipAtLeast) {
    findings.push(cite(p, rule, `The owner is on the Entity List but holds ${share}%, below the ${a.ownershipAtLeast}% of the Affiliates rule: no licence from ownership alone. Red-flag diligence still applies.`));
    return { licenseRequired: undefined, reviewPolicy: null, findings };
  }
  if (a.status === 'in-force') {
    findings.push(cite(p, rule, `Licence required by the Affiliates rule: the buyer is ${share}% owned by an Entity List party, so the owner's licence requirement and review policy (${owner.reviewPolicy ?? 'presumption-of-denial'}) apply to it.`));
    return { licenseRequired: true, reviewPolicy: owner.reviewPolicy ?? 'presumption-of-denial', findings };
  }
  if (a.status === 'suspended') {
    findings.push(cite(p, rule, `The Affiliates rule is suspended on this date: no licence from the ${share}% ownership alone. Red-flag diligence still applies.`));
    return { licenseRequired: undefined, reviewPolicy: null, findings };
  }
  findings.push(cite(p, rule, `Indeterminate: the buyer is ${share}% owned by an Entity List party, and whether the Affiliates rule resumed on ${p.from}, when its suspension was due to end, is not known. Check the rule's status before shipping.`));
  return { licenseRequired: null, reviewPolicy: null, findings };
}
