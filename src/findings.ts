/** How far a fact can be trusted: high = primary text or several independent sources agree;
 * medium = one good secondary source or a reading flagged as uncertain; low = unverified. */
export type Confidence = 'high' | 'medium' | 'low';

/** One step of a determination: the rule version it comes from, the paragraph of 15 CFR that
 * decides it, what it found, where the fact comes from and how sure that fact is. */
export interface Finding {
  readonly rule: string;
  readonly citation: string;
  readonly text: string;
  readonly source: string;
  readonly confidence: Confidence;
}

const rank: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/** The weakest confidence among the findings: a determination is only as sure as its least sure step. */
export function weakest(findings: readonly Finding[]): Confidence {
  let worst: Confidence = 'high';
  for (const f of findings) if (rank[f.confidence] < rank[worst]) worst = f.confidence;
  return worst;
}

export function lower(a: Confidence, b: Confidence): Confidence {
  return rank[a] <= rank[b] ? a : b;
}
