// A transaction as URL parameters (what the check and timeline pages share) and as the API's request body.

export const txKeys = ['chip', 'tpp', 'dieArea', 'interconnect', 'memoryBandwidth', 'notDatacenter', 'hbmDensity', 'to', 'buyer', 'buyerHq', 'parentHq', 'vendor', 'exportFrom', 'quantity', 'date', 'view'] as const;
const numeric = new Set(['tpp', 'dieArea', 'interconnect', 'memoryBandwidth', 'hbmDensity', 'quantity']);

/** The transaction's parameters out of a page's URL parameters. */
export function txParams(params: URLSearchParams, without: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of txKeys) {
    const v = params.get(k);
    if (v && !without.includes(k)) out[k] = v;
  }
  return out;
}

/** True when the parameters name both an item and a destination, so there is something to ask. */
export function isComplete(tx: Record<string, string>): boolean {
  return Boolean(tx.to && (tx.chip || tx.tpp || tx.hbmDensity));
}

/** The body of POST /v1/check. */
export function checkBody(tx: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tx)) {
    if (k === 'notDatacenter') body[k] = v === '1';
    else body[k] = numeric.has(k) ? Number(v) : v;
  }
  return body;
}
