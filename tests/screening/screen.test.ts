import { describe, expect, it } from 'vitest';
import { footnotes } from '../../src/screening/lists.js';
import { buyerFindings, openScreening, reviewPolicyOf, screen } from '../../src/screening/index.js';
import { InputError } from '../../src/errors.js';
import { tempDataDir } from './helpers.js';

const service = openScreening({}, tempDataDir());
const date = '2026-08-10';

describe('screen over the bundled 2026-07-31 snapshot', () => {
  it('says which snapshot answered and how old it is', () => {
    const r = screen(service, 'Sugon', { date });
    expect(r.snapshot.asOf).toBe('2026-07-31');
    expect(r.snapshot.sha256).toMatch(/^21e24c2e4cadaa16/);
    expect(r.snapshot.ageDays).toBe(10);
    expect(r.snapshot.rows).toBe(25921);
  });

  it('finds Sugon on the Entity List with footnote 4, best first', () => {
    const r = screen(service, 'Sugon', { date });
    const el = r.hits.find((h) => h.list === 'EL')!;
    expect(r.hits[0]).toBe(el);
    expect(el.name).toBe('Sugon');
    expect(el.status).toBe('match');
    expect(el.footnote).toBe('FN4');
    expect(el.federalRegister).toContain('84 FR 29373');
    expect(el.licensePolicy).toMatch(/denial/i);
    // Dawning Information Industry is Sugon's legal name; it is listed under it on the CMIC list.
    expect(r.hits.some((h) => h.name.startsWith('Dawning Information Industry'))).toBe(true);
  });

  it('finds Moore Threads from a longer name, and explains the match token by token', () => {
    const r = screen(service, 'Moore Threads Technology', { date });
    const h = r.hits[0];
    expect(h.name).toMatch(/^Moore Thread Intelligent Technology/);
    expect(h.list).toBe('EL');
    expect(h.status).toBe('match');
    expect(h.matchedName).toBe('Moore Threads');
    expect(h.tokens.map((t) => [t.query, t.matched])).toEqual([
      ['moore', 'moore'],
      ['threads', 'threads'],
      ['technology', null],
    ]);
  });

  it('finds typos, missing spaces, reordered tokens and changed legal forms', () => {
    for (const q of ['Dawnng Information Industry', 'MooreThreads', 'Group Inspur', 'Inspur Group GmbH', 'Huawei Technologies Ltd']) {
      const r = screen(service, q, { date });
      expect(r.hits[0]?.status, q).toBe('match');
    }
  });

  it('finds another romanisation of a word, and a brand without its legal name', () => {
    const r = screen(service, 'Phoeniks Elektronics', { date });
    expect(r.hits[0]).toMatchObject({ name: 'PHOENIX ELECTRONICS', status: 'match' });
    expect(r.hits[0].tokens[0]).toMatchObject({ query: 'phoeniks', matched: 'phoenix' });
    expect(screen(service, 'Huawei', { date }).hits[0]).toMatchObject({ list: 'EL', status: 'match' });
  });

  it('reads Chinese script: legal forms become Latin ones and syllables rejoin into known words', () => {
    // 摩尔线程 -> "mo er xian cheng" -> "moer xiancheng", near the listed alias "Mo’er Xianchen".
    const r = screen(service, '摩尔线程有限公司', { date });
    expect(r.hits[0]).toMatchObject({ name: 'Moore Thread Intelligent Technology (Beijing) Co., Ltd.', matchedName: 'Mo’er Xianchen', status: 'match' });
    const l = screen(service, 'Langchao Beijing Electronic Information', { date });
    expect(l.hits[0].name).toBe('Inspur (Beijing) Electronic Information Industry Co., Ltd.');
  });

  it('does not match names made of generic words', () => {
    for (const q of ['Acme Widgets LLC', 'Sunrise Trading Corp', 'Bluewater Logistics GmbH']) {
      const r = screen(service, q, { date });
      expect(r.hits.filter((h) => h.status === 'match'), q).toEqual([]);
    }
  });

  it('reports a near miss as review instead of dropping it', () => {
    const r = screen(service, 'Sunrise Trading Corp', { date });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.status === 'review')).toBe(true);
    expect(r.hits[0].score).toBeLessThan(r.threshold);
  });

  it('filters by list and by country', () => {
    expect(screen(service, 'Sugon', { date, lists: ['CMIC'] }).hits.every((h) => h.list === 'CMIC')).toBe(true);
    expect(screen(service, 'Sugon', { date, country: 'RU' }).hits.filter((h) => h.status === 'match')).toEqual([]);
    expect(screen(service, 'Sugon', { date, country: 'cn' }).hits[0].country).toBe('CN');
  });

  it('rejects bad options naming the field', () => {
    expect(() => screen(service, 'Sugon', { threshold: 2 })).toThrow(/threshold/);
    expect(() => screen(service, 'Sugon', { lists: ['XYZ'] })).toThrow(InputError);
    expect(() => screen(service, 'Sugon', { country: 'China' })).toThrow(/country/);
    expect(() => screen(service, '...', {})).toThrow(/name/);
  });
});

describe('Entity List footnotes and review policies', () => {
  it('reads the footnote digit the Federal Register puts after the citation', () => {
    expect(footnotes('For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)4')).toEqual([4]);
    expect(footnotes('For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)')).toEqual([3]);
    expect(footnotes('For all items subject to the EAR, see §§ 734.9(e)1 and 744.11 of the EAR2')).toEqual([1, 2]);
    expect(footnotes('For all items subject to the EAR. (See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5')).toEqual([5]);
    expect(footnotes('For all items subject to the EAR. (See §744.11 of the EAR).')).toEqual([]);
  });
  it('maps review-policy texts', () => {
    expect(reviewPolicyOf('Presumption of denial.')).toBe('presumption-of-denial');
    expect(reviewPolicyOf('Case-by-case for all items listed on the CCL. Presumption of approval for EAR99 items')).toBe('case-by-case');
    expect(reviewPolicyOf('Presumption of approval for EAR99 items')).toBe('presumption-of-approval');
    expect(reviewPolicyOf('See §744.3(d) of this part')).toBeNull();
  });
});

describe('buyerFindings', () => {
  it('an Entity List match requires a licence with the entry review policy, citing the entry', () => {
    const d = buyerFindings(screen(service, 'Inspur Group', { date: '2025-09-01' }), '2025-09-01');
    expect(d.licenseRequired).toBe(true);
    expect(d.reviewPolicy).toBe('presumption-of-denial');
    expect(d.footnote4).toBe(true);
    const el = d.findings.find((f) => f.citation.startsWith('15 CFR 744.11; Supp. No. 4 to part 744'))!;
    expect(el.citation).toContain('88 FR 13675');
    expect(el.rule).toBe('screening:2026-07-31');
    expect(d.findings.some((f) => f.citation.startsWith('15 CFR 734.9(e)(2)'))).toBe(true);
  });
  it('a near miss is a review finding', () => {
    const d = buyerFindings(screen(service, 'Sunrise Trading Corp', { date }), date);
    expect(d.licenseRequired).toBe(false);
    expect(d.review).toBe(true);
    expect(d.findings.some((f) => f.text.startsWith('possible match'))).toBe(true);
  });
  it('other lists say what they mean', () => {
    const uvl = buyerFindings(screen(service, 'Atlas Sanatgaran', { date, lists: ['UVL'] }), date);
    expect(uvl.licenseRequired).toBe(false);
    expect(uvl.findings[0].citation).toContain('744.15');
    expect(uvl.findings[0].text).toContain('UVL statement');
    const sdn = buyerFindings(screen(service, 'Banco Nacional de Cuba', { date, lists: ['SDN'] }), date);
    expect(sdn.review).toBe(true);
    expect(sdn.findings[0].text).toContain('blocked');
  });
  it('a clean name is recorded as screened, with the snapshot date', () => {
    const d = buyerFindings(screen(service, 'Acme Widgets LLC', { date }), date);
    expect(d).toMatchObject({ licenseRequired: false, reviewPolicy: null, footnote4: false, review: false });
    expect(d.findings.map((f) => f.text).join('\n')).toMatch(/matches no party[\s\S]*as of 2026-07-31, 10 days before 2026-08-10/);
  });
});
