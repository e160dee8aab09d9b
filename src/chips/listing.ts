import type { IsoDate } from '../dates.js';
import { classify } from '../classification/classify.js';
import type { Law } from '../law/law.js';
import { itemFromChip, type ChipRecord } from './catalog.js';

/** A catalog chip with its metrics and its classification on a date (`earmark chips`, GET /v1/chips). */
export function chipAt(law: Law, chip: ChipRecord, date: IsoDate) {
  const item = itemFromChip(chip);
  const c = classify(law, item, date);
  return {
    id: chip.id,
    name: chip.name,
    vendor: chip.vendor,
    launchDate: chip.launchDate,
    marketedForDatacenter: chip.marketedForDatacenter,
    tpp: item.tpp,
    tppPrecision: item.tppPrecision,
    tppEstimated: item.tppEstimated,
    performanceDensity: item.performanceDensity,
    dieAreaMm2: chip.dieAreaMm2,
    interconnectGBs: item.bidirectionalGBs,
    memoryBandwidthGBs: item.memoryBandwidthGBs,
    eccn: c.item.eccn,
    indeterminate: c.indeterminate,
    missing: c.missing,
    confidence: c.confidence,
  };
}

export function chipsAt(law: Law, date: IsoDate) {
  return { date, chips: law.chips.chips.map((chip) => chipAt(law, chip, date)) };
}

/** One chip in full: specs and sources, and its ECCN on every date the law changed (`GET /v1/chips/{id}`). */
export function chipDetail(law: Law, chip: ChipRecord, until: IsoDate) {
  const history: { from: IsoDate; eccn: string | null; ruleVersion: string }[] = [];
  for (const date of [law.coverageStart, ...law.boundaries.filter((d) => d > law.coverageStart && d <= until)]) {
    const c = classify(law, itemFromChip(chip), date);
    const last = history[history.length - 1];
    if (!last || last.eccn !== c.item.eccn) history.push({ from: date, eccn: c.item.eccn, ruleVersion: c.ruleVersion });
  }
  return { ...chip, metrics: chipAt(law, chip, until), classificationHistory: history };
}
