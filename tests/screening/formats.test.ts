import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCslCsv, parseCslJson } from '../../src/screening/formats/csl.js';
import { parseOfac } from '../../src/screening/formats/ofac.js';
import { parseCompact } from '../../src/screening/formats/compact.js';
import { importFile, sniff } from '../../src/screening/import.js';
import { fixtures } from './helpers.js';

const read = (...p: string[]) => readFileSync(join(fixtures, ...p), 'utf8');

describe('CSL CSV', () => {
  it('reads every row of the 29-column file, splitting "; "-joined fields', () => {
    const r = parseCslCsv(read('csl-sample-2025-06.csv'));
    expect(r.rejected).toEqual([]);
    expect(r.parties).toHaveLength(13);
    const plc = r.parties.find((p) => p.name === 'Mohammed ABU JHEISHEH')!;
    expect(plc.list).toBe('PLC');
    expect(plc.altNames).toEqual(['Mohammad Mutlaq ABU JHESHEH', 'Mohammed ABU JEHEISHA']);
    const uvl = r.parties.find((p) => p.name === 'Atlas Sanatgaran')!;
    expect(uvl.countries).toEqual(['AM']);
  });
  it('rejects short rows, nameless rows and unknown lists, with their line numbers', () => {
    const r = parseCslCsv(read('csl-corrupted.csv'));
    expect(r.rejected.map((x) => x.reason)).toEqual([
      '20 fields where the header has 29',
      'empty name',
      'unknown list "Imaginary List (XYZ) - Nowhere"',
    ]);
    expect(r.rejected.every((x) => x.row > 1)).toBe(true);
    expect(r.parties).toHaveLength(10);
  });
});

describe('CSL JSON', () => {
  it('reads results with arrays for aliases and addresses', () => {
    const r = parseCslJson(JSON.parse(read('csl-2026-08-20.json')));
    expect(r.rejected).toEqual([]);
    expect(r.parties.map((p) => [p.list, p.countries[0]])).toEqual([
      ['EL', 'CN'],
      ['UVL', 'AM'],
      ['SDN', 'CH'],
    ]);
    expect(r.parties[2].altNames).toEqual(['NATIONAL BANK OF CUBA', 'BNC']);
  });
});

describe('OFAC legacy CSV', () => {
  it('joins aliases and addresses on ent_num, reads -0- as empty and skips the 0x1A end byte', () => {
    const r = parseOfac(read('ofac', 'sdn.csv'), read('ofac', 'alt.csv'), read('ofac', 'add.csv'));
    expect(r.rejected).toEqual([]);
    expect(r.parties).toHaveLength(40);
    const bnc = r.parties.find((p) => p.entityNumber === '306')!;
    expect(bnc).toMatchObject({ name: 'BANCO NACIONAL DE CUBA', list: 'SDN', type: 'Entity', programs: ['CUBA'] });
    expect(bnc.altNames).toContain('NATIONAL BANK OF CUBA');
    expect(bnc.countries).toContain('CH');
    expect(r.parties.find((p) => p.entityNumber === '173')!.countries).toEqual(['GB']);
  });
  it('rejects a row with the wrong number of fields', () => {
    const r = parseOfac(`${read('ofac', 'sdn.csv').replace('\x1a', '')}99,"BROKEN ROW",-0- \r\n`);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0].reason).toMatch(/3 fields where 12/);
  });
});

describe('format recognition and dating', () => {
  it('recognises each format from its content', () => {
    expect(sniff(read('csl-sample-2025-06.csv'), 'x.csv')).toBe('csl-csv');
    expect(sniff(read('csl-2026-08-20.json'), 'x.json')).toBe('csl-json');
    expect(sniff(read('compact-2026-08-14.json'), 'x.json')).toBe('compact');
    expect(sniff(read('ofac', 'sdn.csv'), 'sdn.csv')).toBe('ofac-csv');
  });
  it('dates the compact format from the file, and asks for --as-of when a file states no date', () => {
    expect(parseCompact(JSON.parse(read('compact-2026-08-14.json'))).asOf).toBe('2026-08-14');
    expect(importFile(join(fixtures, 'compact-2026-08-14.json'), {}).snapshot?.asOf).toBe('2026-08-14');
    expect(() => importFile(join(fixtures, 'csl-sample-2025-06.csv'), {})).toThrow(/as-of/);
  });
  it('hashes the content, so the same file gives the same sha256', () => {
    const a = importFile(join(fixtures, 'ofac', 'sdn.csv'), { asOf: '2021-07-07' });
    const b = importFile(join(fixtures, 'ofac', 'sdn.csv'), { asOf: '2021-07-07' });
    expect(a.companions).toEqual(['alt.csv', 'add.csv']);
    expect(a.snapshot!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.snapshot!.sha256).toBe(b.snapshot!.sha256);
  });
  it('keeps nothing from a file with a rejected row', () => {
    const r = importFile(join(fixtures, 'csl-corrupted.csv'), { asOf: '2026-08-01' });
    expect(r.snapshot).toBeNull();
    expect(r.rejected).toHaveLength(3);
    expect(importFile(join(fixtures, 'csl-truncated.json'), { asOf: '2026-08-01' }).rejected[0].reason).toMatch(/not valid JSON/);
  });
});
