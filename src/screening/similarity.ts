// Token similarity: Jaro–Winkler for the score (rewards a shared beginning, forgives one slip), bounded by
// an edit-distance limit that grows with the token's length so that short tokens must match exactly.

const flagsA = new Uint8Array(128);
const flagsB = new Uint8Array(128);

/** Jaro–Winkler similarity of two strings, 0..1 (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const fa = la <= 128 ? flagsA : new Uint8Array(la);
  const fb = lb <= 128 ? flagsB : new Uint8Array(lb);
  fa.fill(0, 0, la);
  fb.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (fb[j] === 0 && b.charCodeAt(j) === c) {
        fa[i] = 1;
        fb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transposed = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (fa[i] === 0) continue;
    while (fb[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transposed++;
    j++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transposed / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edits allowed between two tokens whose longer one has `length` characters: none up to 3, one up to 5,
 * two beyond. */
export function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}

/** Lowest Jaro–Winkler a fuzzy token pair needs to count at all. */
export const minTokenSimilarity = 0.84;

/** Similarity of two different tokens, or 0 when they are too far apart to be the same word misspelt. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const edits = allowedEdits(Math.max(a.length, b.length));
  if (edits === 0 || Math.abs(a.length - b.length) > edits) return 0;
  if (editDistance(a, b) > edits) return 0;
  const s = jaroWinkler(a, b);
  return s >= minTokenSimilarity ? s : 0;
}

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two adjacent
 * letters each cost one ("unpha" -> "upnha" is one slip, not two). */
export function editDistance(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (lb + 1 > rows[0].length) rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
  let [before, prev, cur] = rows;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[lb];
}
