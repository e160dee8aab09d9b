import { num } from '../format.js';
import type { Finding } from '../findings.js';
import type { Classification, Eccn } from '../classification/classify.js';
import { type Law, param } from '../law/law.js';
import { type DestinationSet, inSet } from '../law/destinations.js';
import type { View } from '../law/versions.js';
import { cite, type Parties, type Requirement } from './requirements.js';
import type { Transaction } from './transaction.js';

export type LicenseException = 'NAC' | 'ACA' | 'LPP' | 'AIA' | 'ACM' | 'HBM';

/** 15 CFR 740.2(a)(9)(ii) limits the exceptions for these items; each available one is listed with its conditions. */
export function exceptionsFor(law: Law, eccn: Eccn, cls: Classification, ccl: Requirement[], tx: Transaction, parties: Parties, view: View, rule: string, findings: Finding[]): LicenseException[] {
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

