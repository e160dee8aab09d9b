// `earmark lists update`: download the current Consolidated Screening List from its official address.
import type { IsoDate } from '../dates.js';

/** trade.gov's bulk download of the Consolidated Screening List (no API key needed). */
export const officialCslUrl = 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json';

/** The list could not be fetched: the network is unreachable, the server refused, or it timed out. */
export class Unreachable extends Error {}

/** Downloads `url`; the server's Last-Modified date, when it sends one, dates the data. */
export async function download(url: string, timeoutMs = 120_000): Promise<{ bytes: Uint8Array; lastModified: IsoDate | null }> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    throw new Unreachable(`cannot reach ${url} (${e instanceof Error ? e.message : String(e)}${cause})`);
  }
  if (!res.ok) throw new Unreachable(`${url} answered ${res.status} ${res.statusText}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const lm = res.headers.get('last-modified');
  const t = lm ? Date.parse(lm) : Number.NaN;
  return { bytes, lastModified: Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10) };
}
