// The candidate index: an inverted index from token to names, and a one-deletion neighbourhood of every
// token for typos, so that a query touches only the names that share a (nearly) equal token with it.
import type { Party } from './party.js';
import { legalForms, tokens } from './normalise.js';
import { allowedEdits, jaroWinkler, tokenSimilarity } from './similarity.js';

/** How one query token fared against the matched name. */
export interface TokenScore {
  readonly query: string;
  /** The name's token it was paired with, or null when none was close enough. */
  readonly matched: string | null;
  readonly similarity: number;
  readonly weight: number;
}

export interface Candidate {
  readonly party: number;
  /** The name or alias (as the list writes it) that scored best. */
  readonly matchedName: string;
  readonly score: number;
  readonly tokens: readonly TokenScore[];
}

export interface SearchOptions {
  /** Lowest score returned. */
  readonly minScore: number;
  readonly limit: number;
  /** Which parties may be returned (list and country filters). */
  readonly accept?: (party: number) => boolean;
}

/** Weight of a legal-form word, whatever its frequency. */
const legalWeight = 0.1;
/** A query word (not a legal form) left unmatched costs at least this much, however common: "Sunrise
 * Trading Corp" is not the vessel "Sunrise" just because "trading" is frequent. A listed name's unmatched
 * words cost their weight only ("Huawei" is "Huawei Technology"). */
const unmatchedFloor = 0.3;
/** A token in more names than this is not used to find candidates when the query has a rarer one. */
const commonPostings = 4000;
/** Candidates scored exactly per query, at least. */
const minCandidates = 48;

interface QueryToken {
  readonly text: string;
  readonly weight: number;
  /** Vocabulary tokens this query token matches, with their similarity. */
  readonly ids: number[];
  readonly sims: number[];
}

export class NameIndex {
  private readonly vocab = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly weights: Float32Array;
  private readonly postings: Int32Array[];
  private readonly deletes = new Map<string, number[]>();
  /** Tokens by their romanisation-folded spelling (see `fold`). */
  private readonly folded = new Map<string, number[]>();
  private readonly nameParty: Int32Array;
  private readonly nameText: string[] = [];
  private readonly nameTokens: Int32Array[] = [];
  private readonly nameWeight: Float32Array;
  // Per-query scratch space, reused: the accumulated overlap per name and the names touched.
  private readonly acc: Float32Array;
  private readonly state: Uint8Array;
  private readonly touched: Int32Array;

  constructor(parties: readonly Party[]) {
    const owners: number[] = [];
    const lists: number[][] = [];
    for (let p = 0; p < parties.length; p++) {
      const seen = new Set<string>();
      for (const text of [parties[p].name, ...parties[p].altNames]) {
        const toks = tokens(text);
        const key = toks.join(' ');
        if (toks.length === 0 || seen.has(key)) continue;
        seen.add(key);
        const ids = new Int32Array(toks.length);
        for (let i = 0; i < toks.length; i++) ids[i] = this.intern(toks[i]);
        owners.push(p);
        this.nameText.push(text);
        this.nameTokens.push(ids);
        for (const id of new Set(ids)) (lists[id] ??= []).push(owners.length - 1);
      }
    }
    const n = owners.length;
    this.nameParty = Int32Array.from(owners);
    this.postings = this.words.map((_, id) => Int32Array.from(lists[id] ?? []));
    this.weights = new Float32Array(this.words.length);
    const rare = Math.log(n / 3);
    for (let id = 0; id < this.words.length; id++) {
      const w = this.words[id];
      const idf = Math.min(1, Math.max(0, Math.log(n / this.postings[id].length) / rare));
      this.weights[id] = legalForms.has(w) ? legalWeight : Math.max(legalWeight, idf * idf);
      if (w.length >= 4) {
        const f = fold(w);
        const same = this.folded.get(f);
        if (!same) this.folded.set(f, [id]);
        else same.push(id);
        for (let i = 0; i < w.length; i++) {
          const d = w.slice(0, i) + w.slice(i + 1);
          const ids = this.deletes.get(d);
          if (!ids) this.deletes.set(d, [id]);
          else if (ids[ids.length - 1] !== id) ids.push(id);
        }
      }
    }
    this.nameWeight = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (const id of this.nameTokens[i]) s += this.weights[id];
      this.nameWeight[i] = s;
    }
    this.acc = new Float32Array(n);
    this.state = new Uint8Array(n);
    this.touched = new Int32Array(n);
  }

  get size(): number {
    return this.nameParty.length;
  }

  private intern(t: string): number {
    let id = this.vocab.get(t);
    if (id === undefined) {
      id = this.words.length;
      this.vocab.set(t, id);
      this.words.push(t);
    }
    return id;
  }

  /** Readings of the query: its tokens, each with the vocabulary tokens it may stand for. A token that
   * neither the lists nor anything near it knows, but that splits into two known ones ("moorethreads"), is
   * split; a known token that splits too ("highland" / "high land") gives a second reading; adjacent tokens
   * that join into a known word ("hik vision") give a third. The best-scoring reading counts. */
  private readings(query: string): QueryToken[][] {
    const base: string[] = [];
    const resolved: QueryToken[] = [];
    let alternative: { at: number; parts: [string, string] } | null = null;
    for (const t of tokens(query)) {
      const r = this.resolve(t);
      const split = this.split(t);
      if (split && r.ids.length === 0) {
        base.push(split[0], split[1]);
        resolved.push(this.resolve(split[0]), this.resolve(split[1]));
        continue;
      }
      if (split && !alternative) alternative = { at: resolved.length, parts: split };
      base.push(t);
      resolved.push(r);
    }
    const out = [resolved];
    if (alternative) {
      const { at, parts } = alternative;
      out.push([...resolved.slice(0, at), this.resolve(parts[0]), this.resolve(parts[1]), ...resolved.slice(at + 1)]);
    }
    const joined: QueryToken[] = [];
    let any = false;
    for (let i = 0; i < base.length; i++) {
      let j = i + 1;
      let word: QueryToken | null = null;
      // Greedy: the longest run of adjacent tokens that is one known word, or, for a run of syllables
      // (transliterated Chinese, Japanese or Korean), near one.
      let syllables = base[i].length <= syllable;
      for (let k = i + 1, w = base[i]; k < base.length && k < i + 6; k++) {
        w += base[k];
        syllables &&= base[k].length <= syllable;
        if (this.vocab.has(w)) {
          word = this.resolve(w);
          j = k + 1;
        } else if (syllables && w.length >= 6) {
          const r = this.resolve(w);
          if (r.ids.length > 0) {
            word = r;
            j = k + 1;
          }
        }
      }
      if (word) any = true;
      joined.push(word ?? resolved[i]);
      i = j - 1;
    }
    if (any) out.push(joined);
    return out;
  }

  /** The most even split of a token into two known tokens of two letters or more, the longer at least four. */
  private split(t: string): [string, string] | null {
    let best: [string, string] | null = null;
    for (let i = 2; i <= t.length - 2; i++) {
      const a = t.slice(0, i);
      const b = t.slice(i);
      if (Math.max(a.length, b.length) < 4 || legalForms.has(a) || !this.vocab.has(a) || !this.vocab.has(b)) continue;
      if (!best || Math.abs(a.length - b.length) < Math.abs(best[0].length - best[1].length)) best = [a, b];
    }
    return best;
  }

  private resolve(text: string): QueryToken {
    const ids: number[] = [];
    const sims: number[] = [];
    const exact = this.vocab.get(text);
    if (exact !== undefined) {
      ids.push(exact);
      sims.push(1);
    }
    let weight = exact !== undefined ? this.weights[exact] : legalForms.has(text) ? legalWeight : 1;
    if (text.length >= 4) {
      const consider = (id: number) => {
        if (id === exact || ids.includes(id)) return;
        const s = tokenSimilarity(text, this.words[id]);
        if (s > 0) {
          ids.push(id);
          sims.push(s);
        }
      };
      for (const id of this.deletes.get(text) ?? []) consider(id);
      for (const id of this.folded.get(fold(text)) ?? []) {
        if (id === exact || ids.includes(id)) continue;
        ids.push(id);
        sims.push(Math.max(romanised, jaroWinkler(text, this.words[id])));
      }
      if (allowedEdits(text.length) > 0) {
        for (let i = 0; i < text.length; i++) {
          const d = text.slice(0, i) + text.slice(i + 1);
          const direct = this.vocab.get(d);
          if (direct !== undefined && d.length >= 4) consider(direct);
          for (const id of this.deletes.get(d) ?? []) consider(id);
        }
      }
      if (exact === undefined && ids.length > 0 && !legalForms.has(text)) {
        // A misspelt word weighs what the word it most resembles weighs.
        let best = 0;
        for (let i = 1; i < ids.length; i++) if (sims[i] > sims[best]) best = i;
        weight = this.weights[ids[best]];
      }
    }
    return { text, weight, ids, sims };
  }

  /** What an unmatched query token adds to the denominator. */
  private cost(text: string, weight: number): number {
    return legalForms.has(text) ? weight : Math.max(weight, unmatchedFloor);
  }

  search(query: string, opts: SearchOptions): Candidate[] {
    const readings = this.readings(query);
    // Candidates: names sharing a matched token, their weighted overlap accumulated.
    let touchedCount = 0;
    const all = readings.flat();
    let rarest = Infinity;
    for (const q of all) {
      let size = 0;
      for (const id of q.ids) size += this.postings[id].length;
      if (size > 0) rarest = Math.min(rarest, size);
    }
    for (const q of all) {
      let size = 0;
      for (const id of q.ids) size += this.postings[id].length;
      if (size > commonPostings && rarest <= commonPostings) continue;
      for (let k = 0; k < q.ids.length; k++) {
        const gain = Math.min(q.weight, this.weights[q.ids[k]]) * q.sims[k];
        const list = this.postings[q.ids[k]];
        for (let i = 0; i < list.length; i++) {
          const name = list[i];
          let st = this.state[name];
          if (st === 0) {
            st = !opts.accept || opts.accept(this.nameParty[name]) ? 1 : 2;
            this.state[name] = st;
            this.acc[name] = 0;
            this.touched[touchedCount++] = name;
          }
          if (st === 1) this.acc[name] += gain;
        }
      }
    }
    // Keep the most promising names by an upper bound of their score, then score those exactly.
    let queryWeight = Infinity;
    for (const r of readings) {
      let w = 0;
      for (const q of r) w += q.weight;
      queryWeight = Math.min(queryWeight, w);
    }
    const keep = Math.max(minCandidates, opts.limit * 4);
    const bound: { name: number; b: number }[] = [];
    const floor = opts.minScore * 0.9;
    for (let i = 0; i < touchedCount; i++) {
      const name = this.touched[i];
      if (this.state[name] === 1) {
        const b = tversky(this.acc[name], queryWeight, this.nameWeight[name]);
        if (b >= floor) bound.push({ name, b });
      }
      this.state[name] = 0;
    }
    bound.sort((x, y) => y.b - x.b);
    const best = new Map<number, Candidate>();
    for (let i = 0; i < bound.length && i < keep; i++) {
      const name = bound[i].name;
      for (const r of readings) {
        const c = this.scoreName(r, name);
        const prev = best.get(c.party);
        if (c.score >= opts.minScore && (!prev || c.score > prev.score)) best.set(c.party, c);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.party - b.party).slice(0, opts.limit);
  }

  /** Weighted soft Dice coefficient between the query and one name: each query token is paired with at most
   * one name token (greedily, best pairs first); a pair weighs the lesser of its two tokens' weights, so a
   * common word never borrows the weight of a rare near-spelling; the score is the Tversky index of the
   * weighted overlap (see `tversky`), where an unmatched query token weighs at least `unmatchedFloor`. */
  private scoreName(reading: readonly QueryToken[], name: number): Candidate {
    const ids = this.nameTokens[name];
    const pairs: { q: number; n: number; s: number; w: number }[] = [];
    for (let qi = 0; qi < reading.length; qi++) {
      const q = reading[qi];
      for (let ni = 0; ni < ids.length; ni++) {
        const k = q.ids.indexOf(ids[ni]);
        if (k >= 0) pairs.push({ q: qi, n: ni, s: q.sims[k], w: Math.min(q.weight, this.weights[ids[ni]]) });
      }
    }
    pairs.sort((x, y) => y.s * y.w - x.s * x.w);
    const usedQ = new Int32Array(reading.length).fill(-1);
    const usedN = new Uint8Array(ids.length);
    let overlap = 0;
    const sims = new Float64Array(reading.length);
    for (const p of pairs) {
      if (usedQ[p.q] >= 0 || usedN[p.n]) continue;
      usedQ[p.q] = p.n;
      usedN[p.n] = 1;
      sims[p.q] = p.s;
      overlap += p.s * p.w;
    }
    let queryWeight = 0;
    for (let qi = 0; qi < reading.length; qi++) {
      queryWeight += usedQ[qi] >= 0 ? Math.min(reading[qi].weight, this.weights[ids[usedQ[qi]]]) : this.cost(reading[qi].text, reading[qi].weight);
    }
    const nameWeight = this.nameWeight[name];
    const score = Math.min(1, tversky(overlap, queryWeight, nameWeight));
    const explained: TokenScore[] = reading.map((q, qi) => ({
      query: q.text,
      matched: usedQ[qi] >= 0 ? this.words[ids[usedQ[qi]]] : null,
      similarity: round(sims[qi]),
      weight: round(usedQ[qi] >= 0 ? Math.min(q.weight, this.weights[ids[usedQ[qi]]]) : q.weight),
    }));
    return { party: this.nameParty[name], matchedName: this.nameText[name], score: round(score), tokens: explained };
  }
}

/** What a query word left unexplained costs, and what a listed name's word left unmatched costs: users type
 * less than the lists write ("Moore Threads" for "Moore Thread Intelligent Technology (Beijing) Co., Ltd."),
 * so a listed word the query lacks costs less than a query word the name lacks. Both 0.5 would be Dice. */
const queryUnexplained = 0.5;
const nameUnmatched = 0.35;

/** Tversky index of a weighted overlap M between a query of weight Q and a name of weight N:
 * M / (M + a (Q - M) + b (N - M)). */
function tversky(overlap: number, query: number, name: number): number {
  const d = overlap + queryUnexplained * Math.max(0, query - overlap) + nameUnmatched * Math.max(0, name - overlap);
  return d > 0 ? overlap / d : 0;
}

/** Longest token taken for a syllable when rejoining transliterated syllables into words. */
const syllable = 5;

/** Similarity given to two spellings that are one word romanised two ways ("feniks" / "phoenix"). */
const romanised = 0.92;

/** A token folded over the usual differences between romanisations and between English and other
 * spellings: ks/x, ph/f, kh/h, sch/sh, dj/j, ou/u, w/v, y/i, c/k, doubled letters. */
export function fold(t: string): string {
  return t
    .replace(/ks/g, 'x')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/sch/g, 'sh')
    .replace(/dj/g, 'j')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/c(?![h])/g, 'k')
    .replace(/(.)\1/g, '$1');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
