import anyAscii from 'any-ascii';

/** Legal-form and function words: they say what kind of company a party is, not which one, so they weigh
 * little in a match ("Co., Ltd." must not make two companies look alike). Matched after normalisation. */
export const legalForms: ReadonlySet<string> = new Set([
  'co', 'corp', 'corporation', 'company', 'cos', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp',
  'plc', 'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ev', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'slu', 'bv', 'nv',
  'ab', 'as', 'asa', 'oy', 'oyj', 'pte', 'pty', 'pvt', 'private', 'jsc', 'ojsc', 'pjsc', 'cjsc', 'ooo', 'oao',
  'zao', 'pao', 'ao', 'tov', 'fzc', 'fze', 'fzco', 'fzllc', 'sdn', 'bhd', 'tbk', 'pt', 'kk', 'se', 'kft', 'zrt',
  'sro', 'doo', 'ad', 'ltda', 'cia', 'sac', 'cv', 'lda', 'ulc', 'the', 'of', 'and', 'de', 'la', 'del', 'y', 'et',
  'und', 'for',
]);

/** Legal forms written in Chinese, Japanese or Korean, replaced by their Latin equivalents before
 * transliteration (longest first), so that 有限公司 weighs like "Ltd." rather than as four syllables. */
const cjkLegalForms: readonly [string, string][] = [
  ['股份有限公司', ' co ltd '],
  ['有限责任公司', ' llc '],
  ['有限公司', ' co ltd '],
  ['株式会社', ' kk '],
  ['주식회사', ' co ltd '],
  ['公司', ' co '],
];

// Han, kana and hangul: each character is a syllable; spacing them lets adjacent syllables be rejoined
// into the words the lists use (北京 -> "bei jing" -> "beijing").
const cjk = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;
const apostrophes = /['’‘`´ʼ]/g;
const acronymDot = /\b([a-z])\.(?=[a-z]\b)/g;
const nonAlnum = /[^a-z0-9]+/;

/** The tokens of a name as earmark compares them: case folded, diacritics and scripts transliterated to
 * ASCII with any-ascii, apostrophes and acronym dots dropped ("S.A." -> "sa"), other punctuation a space. */
export function tokens(name: string): string[] {
  let s = name;
  for (const [form, latin] of cjkLegalForms) if (s.includes(form)) s = s.split(form).join(latin);
  s = anyAscii(s.replace(cjk, (c) => ` ${c} `)).toLowerCase();
  s = s.replace(apostrophes, '').replace(acronymDot, '$1');
  const out = s.split(nonAlnum);
  let n = 0;
  for (const t of out) if (t !== '') out[n++] = t;
  out.length = n;
  return out;
}
