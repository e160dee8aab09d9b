// The HTTP API under /v1 (served by `earmark serve`), with the shapes the workbench reads.
import { operatorHeaders } from './OperatorKey.js';

export type Confidence = 'high' | 'medium' | 'low';
export interface Finding { rule: string; citation: string; text: string; source: string; confidence: Confidence }
export interface Determination {
  date: string;
  view: string;
  ruleVersion: string;
  item: { id: string; eccn: string | null; tpp: number | null; performanceDensity: number | null };
  licenseRequired: boolean | null;
  reviewPolicy: string | null;
  licenseExceptions: string[];
  confidence: Confidence;
  findings: Finding[];
  codified?: Determination;
}
export interface Interval { from: string; to: string | null; licenseRequired: boolean | null; reviewPolicy: string | null; eccn: string | null; ruleVersion: string; licenseExceptions: string[] }
export interface Chip {
  id: string; name: string; vendor: string; launchDate?: string; marketedForDatacenter: boolean;
  tpp: number | null; performanceDensity: number | null; tppEstimated?: boolean; eccn: string | null; confidence?: Confidence;
}
export interface ChipDetail extends Record<string, unknown> {
  id: string; name: string; vendor: string;
  metrics: Chip & Record<string, unknown>;
  classificationHistory: { from: string; eccn: string | null; ruleVersion: string }[];
}
export interface Country { iso2: string; iso3: string; name: string; groups: string[]; tier: number | null; treatedAs: string | null; changedOn?: string; change?: string }
export interface RuleVersion { id: string; title: string; citation: string; effective: string; status: string; summary?: string }
export interface Rules { coverageStart: string; asOf: string; versions: RuleVersion[] }
export interface ScreenHit {
  name: string; matchedName: string; score: number; list: string; entityNumber?: string | number | null; country?: string | null;
  licenseRequirement?: string | null; licensePolicy?: string | null; footnote?: string | null; federalRegister?: string | null; status?: string | null;
}
export interface ScreenResult { snapshot: { asOf: string; sha256?: string; [k: string]: unknown }; hits: ScreenHit[] }

/** Calls the API; a non-2xx answer becomes an Error carrying the server's message. When rate-limited (429) it
 * waits as long as the server asks and tries again, a few times. */
export async function api<T>(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }, tries = 4): Promise<T> {
  const res = await fetch(path, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers: { accept: 'application/json', ...operatorHeaders(), ...(init?.body === undefined ? {} : { 'content-type': 'application/json' }), ...init?.headers },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 429 && tries > 1) {
    await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
    return api<T>(path, init, tries - 1);
  }
  const text = await res.text();
  let data: unknown = undefined;
  try { data = text ? JSON.parse(text) : undefined; } catch { /* not JSON: reported below */ }
  if (!res.ok) throw new Error(errorMessage(data) ?? `${res.status} ${res.statusText}`);
  if (data === undefined) throw new Error(`unexpected answer from ${path}`);
  return data as T;
}

/** Calls an endpoint that answers JSON Lines (the audit export, the batch); `body` is sent as is. */
export async function lines<T>(path: string, init?: { body?: string; contentType?: string }): Promise<T[]> {
  const res = await fetch(path, {
    method: init?.body === undefined ? 'GET' : 'POST',
    headers: { ...operatorHeaders(), ...(init?.contentType ? { 'content-type': init.contentType } : {}) },
    body: init?.body,
  });
  const text = await res.text();
  if (!res.ok) {
    let data: unknown;
    try { data = JSON.parse(text); } catch { /* reported below */ }
    throw new Error(errorMessage(data) ?? `${res.status} ${res.statusText}`);
  }
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

function errorMessage(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as { error?: unknown; message?: unknown; detail?: unknown };
  if (typeof d.error === 'string') return typeof d.message === 'string' ? `${d.error}: ${d.message}` : d.error;
  if (d.error && typeof d.error === 'object') return errorMessage(d.error);
  if (typeof d.message === 'string') return d.message;
  if (typeof d.detail === 'string') return d.detail;
  return undefined;
}

// Catalog-like answers that every page reuses are fetched once per date.
const cache = new Map<string, Promise<unknown>>();
export function cached<T>(path: string): Promise<T> {
  let p = cache.get(path);
  if (!p) {
    p = api<T>(path);
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p as Promise<T>;
}
export const getRules = () => cached<Rules>('/v1/rules');
export const getCountries = (date?: string) => cached<{ date: string; countries: Country[] }>(`/v1/countries${date ? `?date=${date}` : ''}`);
export const getChips = (date?: string) => cached<{ date: string; chips: Chip[] }>(`/v1/chips${date ? `?date=${date}` : ''}`);
