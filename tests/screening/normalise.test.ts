import { describe, expect, it } from 'vitest';
import { tokens } from '../../src/screening/normalise.js';
import { jaroWinkler, tokenSimilarity } from '../../src/screening/similarity.js';

describe('tokens', () => {
  it('folds case, punctuation and diacritics', () => {
    expect(tokens('Société Générale, S.A.')).toEqual(['societe', 'generale', 'sa']);
    expect(tokens('Müller GmbH & Co. KG')).toEqual(['muller', 'gmbh', 'co', 'kg']);
  });
  it('drops apostrophes inside words', () => {
    expect(tokens('Mo’er Xianchen')).toEqual(['moer', 'xianchen']);
  });
  it('transliterates other scripts and spaces out Chinese syllables', () => {
    expect(tokens('ООО Ромашка')).toEqual(['ooo', 'romashka']);
    expect(tokens('北京摩尔线程智能科技有限公司').slice(0, 4)).toEqual(['bei', 'jing', 'mo', 'er']);
  });
  it('turns Chinese legal forms into their Latin equivalents', () => {
    expect(tokens('华为技术有限公司').slice(-2)).toEqual(['co', 'ltd']);
  });
  it('keeps source mojibake as ordinary separators', () => {
    expect(tokens('Xi?an')).toEqual(['xi', 'an']);
  });
  it('yields nothing for a name of punctuation', () => {
    expect(tokens(' -- ')).toEqual([]);
  });
});

describe('token similarity', () => {
  it('is Jaro–Winkler', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
  it('accepts one typo in a long token but none in a short one', () => {
    expect(tokenSimilarity('dawnng', 'dawning')).toBeGreaterThan(0.9);
    expect(tokenSimilarity('abc', 'abd')).toBe(0);
    expect(tokenSimilarity('trading', 'reading')).toBeGreaterThan(0);
    expect(tokenSimilarity('sunrise', 'sunray')).toBe(0);
  });
});
