import type { ReviewPolicy } from '../law/review.js';

const severity: Record<ReviewPolicy, number> = { 'presumption-of-approval': 0, 'case-by-case': 1, 'presumption-of-denial': 2 };

/** Of two review policies, the more restrictive: where several requirements apply, the strictest decides. */
export function stricter(a: ReviewPolicy | null, b: ReviewPolicy | null): ReviewPolicy | null {
  if (a === null) return b;
  if (b === null) return a;
  return severity[b] > severity[a] ? b : a;
}
