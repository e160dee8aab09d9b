// The labelled set for screening accuracy, built from the snapshot itself with a seeded generator:
// variants of listed names (which must be found) and real-looking unlisted company names (which must not
// match). Deterministic for a given seed, so runs compare.
import type { Party } from '../src/screening/party.js';
import { legalForms, tokens } from '../src/screening/normalise.js';

export type VariantKind = 'typo' | 'dropped token' | 'reordered' | 'legal form' | 'transliteration' | 'missing space';
export const variantKinds: readonly VariantKind[] = ['typo', 'dropped token', 'reordered', 'legal form', 'transliteration', 'missing space'];

export interface Positive {
  readonly query: string;
  readonly kind: VariantKind | 'exact';
  /** Index of the party the query was made from. */
  readonly party: number;
}

/** Mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[] | string): T => xs[Math.floor(r() * xs.length)] as T;
const words = (name: string) => name.split(/\s+/).filter(Boolean);
const isLegal = (w: string) => tokens(w).every((t) => legalForms.has(t));
const letters = 'abcdefghijklmnopqrstuvwxyz';

/** One typing slip in a word of five letters or more: a letter swapped, dropped, doubled or replaced. */
function typo(r: () => number, name: string): string | null {
  const ws = words(name);
  const idx = ws.map((w, i) => (/^[A-Za-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return null;
  const i = pick(r, idx);
  const w = ws[i];
  const p = 1 + Math.floor(r() * (w.length - 2));
  const kind = Math.floor(r() * 4);
  ws[i] =
    kind === 0 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
    : kind === 1 ? w.slice(0, p) + w.slice(p + 1)
    : kind === 2 ? w.slice(0, p) + w[p] + w.slice(p)
    : w.slice(0, p) + pick(r, letters) + w.slice(p + 1);
  return ws.join(' ');
}

/** One distinctive word dropped from a name of three or more distinctive words. */
function dropToken(r: () => number, name: string): string | null {
  const ws = words(name);
  const idx = ws.map((w, i) => (isLegal(w) ? -1 : i)).filter((i) => i >= 0);
  if (idx.length < 3) return null;
  const drop = pick(r, idx.slice(1));
  return ws.filter((_, i) => i !== drop).join(' ');
}

function reorder(r: () => number, name: string): string | null {
  const ws = words(name.replace(/,/g, ''));
  if (ws.length < 2) return null;
  if (ws.length === 2 || r() < 0.5) return [...ws].reverse().join(' ');
  const i = Math.floor(r() * (ws.length - 1));
  [ws[i], ws[i + 1]] = [ws[i + 1], ws[i]];
  return ws.join(' ');
}

const forms = ['Co., Ltd.', 'Limited', 'LLC', 'Inc.', 'GmbH', 'Corp.', 'S.A.', 'JSC', 'Pte. Ltd.', '有限公司'];

/** The legal form replaced by another, or added where there was none. */
function legalForm(r: () => number, name: string): string | null {
  const ws = words(name.replace(/,/g, ''));
  const core = [...ws];
  while (core.length > 1 && isLegal(core[core.length - 1])) core.pop();
  if (core.length === 0) return null;
  return `${core.join(' ')} ${pick(r, forms)}`;
}

const romanisations: [RegExp, string][] = [
  [/ks/i, 'x'], [/x/i, 'ks'], [/y$/i, 'i'], [/iy/i, 'y'], [/kh/i, 'h'], [/ou/i, 'u'], [/j/i, 'dj'], [/sh/i, 'sch'],
  [/e/i, 'é'], [/a/i, 'á'], [/o/i, 'ö'], [/u/i, 'ü'], [/c/i, 'ç'],
];

/** Another romanisation of one word, or diacritics added to it. */
function transliterate(r: () => number, name: string): string | null {
  const ws = words(name);
  for (let attempt = 0; attempt < 8; attempt++) {
    const i = Math.floor(r() * ws.length);
    const [re, to] = pick(r, romanisations);
    if (ws[i].length >= 4 && re.test(ws[i])) {
      ws[i] = ws[i].replace(re, to);
      return ws.join(' ');
    }
  }
  return null;
}

/** Two adjacent distinctive words written as one. */
function missingSpace(r: () => number, name: string): string | null {
  const ws = words(name);
  const idx = ws.map((w, i) => (i + 1 < ws.length && !isLegal(w) && !isLegal(ws[i + 1]) && /^[A-Za-z]+$/.test(w + ws[i + 1]) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return null;
  const i = pick(r, idx);
  return [...ws.slice(0, i), ws[i] + ws[i + 1], ...ws.slice(i + 2)].join(' ');
}

const makers: Record<VariantKind, (r: () => number, name: string) => string | null> = {
  typo,
  'dropped token': dropToken,
  reordered: reorder,
  'legal form': legalForm,
  transliteration: transliterate,
  'missing space': missingSpace,
};

/** `perKind` variants of each kind, from listed names or aliases picked at random among organisations. */
export function positives(parties: readonly Party[], perKind: number, seed: number): Positive[] {
  const r = prng(seed);
  const orgs = parties.map((p, i) => ({ p, i })).filter(({ p }) => p.type !== 'Individual' && p.type !== 'Vessel' && p.type !== 'Aircraft');
  const out: Positive[] = [];
  for (const kind of variantKinds) {
    let made = 0;
    for (let guard = 0; made < perKind && guard < perKind * 50; guard++) {
      const { p, i } = pick(r, orgs);
      const name = r() < 0.7 || p.altNames.length === 0 ? p.name : pick(r, p.altNames);
      if (tokens(name).filter((t) => !legalForms.has(t)).length < 1) continue;
      const q = makers[kind](r, name);
      if (q && tokens(q).join(' ') !== tokens(name).join(' ')) {
        out.push({ query: q, kind, party: i });
        made++;
      }
    }
  }
  return out;
}

// Parts of real-looking company names: places, coined distinctive words, industries, legal forms.
const places = ['Shenzhen', 'Hangzhou', 'Suzhou', 'Bavaria', 'Ohio', 'Nordic', 'Pacific', 'Lisbon', 'Osaka', 'Gdansk', 'Penang', 'Monterrey', 'Brno', 'Izmir', 'Quebec', 'Tasman', 'Alpine', 'Baltic', 'Kyushu', 'Andes'];
const onsets = ['br', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'qu', 'r', 's', 't', 'v', 'w', 'z', 'st', 'tr', 'pl', 'gr'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io'];
const codas = ['', 'n', 'r', 'x', 'l', 's', 'm', 'nd', 'rt', 'ck'];
const industries = ['Electronics', 'Logistics', 'Trading', 'Technology', 'Industrial', 'Holdings', 'Semiconductor', 'Machinery', 'Software', 'Foods', 'Textiles', 'Instruments', 'Materials', 'Systems', 'Robotics', 'Optics', 'Pharma', 'Energy', 'Packaging', 'Consulting'];
const realForms = ['Co., Ltd.', 'Ltd.', 'LLC', 'Inc.', 'GmbH', 'Corp.', 'S.A.', 'AG', 'B.V.', 'Pty Ltd', 'S.r.l.', 'Oy'];

function coined(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, onsets) + pick(r, vowels);
  w += pick(r, codas);
  return w[0].toUpperCase() + w.slice(1);
}

/** Unlisted company names: a coined brand, sometimes a place, one or two industry words, a legal form; in
 * a third of them one word is borrowed from a listed organisation's name, as real names share words with
 * listed ones. Names whose tokens equal a listed name's are dropped (they would be listed names). */
export function negatives(parties: readonly Party[], count: number, seed: number): string[] {
  const r = prng(seed);
  const listed = new Set<string>();
  for (const p of parties) for (const n of [p.name, ...p.altNames]) listed.add(tokens(n).filter((t) => !legalForms.has(t)).join(' '));
  const borrowed = parties
    .filter((p) => p.type !== 'Individual')
    .flatMap((p) => words(p.name))
    .filter((w) => /^[A-Za-z]{4,}$/.test(w) && !isLegal(w));
  const out: string[] = [];
  while (out.length < count) {
    const parts = [coined(r)];
    if (r() < 0.33) parts.push(pick(r, borrowed));
    else if (r() < 0.4) parts.unshift(pick(r, places));
    parts.push(pick(r, industries));
    if (r() < 0.3) parts.push(pick(r, industries));
    parts.push(pick(r, realForms));
    const name = parts.join(' ');
    if (!listed.has(tokens(name).filter((t) => !legalForms.has(t)).join(' '))) out.push(name);
  }
  return out;
}
