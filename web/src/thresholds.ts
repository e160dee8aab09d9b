// The 3A090 thresholds in force on a date, read from data/law at build time (never copied by hand).
import classification from '../../data/law/classification.yaml';
import licensing from '../../data/law/licensing.yaml';

interface Dated<T> { from: string; value: T; citation: string }

function at<T>(file: typeof classification, name: string, date: string): Dated<T> | null {
  const values = file[name]?.values ?? {};
  const from = Object.keys(values).filter((d) => d <= date).sort().pop();
  if (!from) return null;
  const v = values[from] as { value: T | null; citation: string };
  return v.value === null ? null : { from, value: v.value, citation: v.citation };
}

export interface Thresholds {
  /** October 2022 text: TPP and interconnect (not a performance-density test). */
  a2022: Dated<{ tpp: number; bidirectionalGBs: number }> | null;
  a: Dated<{ a1Tpp: number; a2Tpp: number; a2Pd: number }> | null;
  b: Dated<{ b1TppMin: number; b1TppMax: number; b1PdMin: number; b1PdMax: number; b2Tpp: number; b2PdMin: number; b2PdMax: number }> | null;
  /** The January 2026 China lane: case-by-case below this TPP (and DRAM bandwidth). */
  lane: Dated<{ tppBelow: number; dramBandwidthBelowGBs: number }> | null;
}

export function thresholdsAt(date: string): Thresholds {
  return {
    a2022: at(classification, '3A090.a.2022', date),
    a: at(classification, '3A090.a', date),
    b: at(classification, '3A090.b', date),
    lane: at(licensing, 'review.chinaLane', date),
  };
}

function first<T>(file: typeof classification, name: string): Dated<T> | null {
  const from = Object.keys(file[name]?.values ?? {}).sort()[0];
  return from ? at<T>(file, name, from) : null;
}

/** The 2022 line (TPP 4800 with 600 GB/s) and the 2026 line (the China lane's TPP limit), drawn whatever the version. */
export const line2022 = first<{ tpp: number; bidirectionalGBs: number }>(classification, '3A090.a.2022');
export const line2026 = first<{ tppBelow: number; dramBandwidthBelowGBs: number }>(licensing, 'review.chinaLane');
