import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

describe('earmark classify (issue acceptance)', () => {
  it('A800: not 3A090 in March 2023 (interconnect 400 < 600), 3A090.a in December 2023', async () => {
    const before = (await cli(['classify', '--chip', 'nvidia-a800-sxm4-80gb', '--date', '2023-03-01', '--json'])).json();
    expect(before.item.eccn).toBeNull();
    expect(before.findings.some((f: { text: string }) => /400 GB\/s, below 600/.test(f.text))).toBe(true);
    const after = (await cli(['classify', '--chip', 'nvidia-a800-sxm4-80gb', '--date', '2023-12-01', '--json'])).json();
    expect(after).toMatchObject({ date: '2023-12-01', ruleVersion: '2023-10-acs', item: { id: 'nvidia-a800-sxm4-80gb', eccn: '3A090.a', tpp: 4992, performanceDensity: 6.04 } });
  });
  it('H20 is not 3A090 in June 2024; the RTX 4090 is 3A090.a, notification-eligible', async () => {
    expect((await cli(['classify', '--chip', 'nvidia-h20', '--date', '2024-06-01', '--json'])).json().item.eccn).toBeNull();
    const r = (await cli(['classify', '--chip', 'nvidia-rtx-4090', '--date', '2024-06-01', '--json'])).json();
    expect(r.item.eccn).toBe('3A090.a');
    expect(r.findings.map((f: { text: string }) => f.text).join()).toMatch(/notification-eligible/);
  });
  it('accepts ids in any case and unambiguous aliases', async () => {
    expect((await cli(['classify', '--chip', 'H20', '--date', '2024-06-01', '--json'])).json().item.id).toBe('nvidia-h20');
  });
  it('bad input exits 2 with one line naming the field', async () => {
    const cases: [string[], RegExp][] = [
      [['classify', '--chip', 'h100', '--json'], /^earmark: chip: "h100" is ambiguous: nvidia-h100-sxm5-80gb/],
      [['classify', '--chip', 'nvidia-h900'], /^earmark: chip: unknown chip "nvidia-h900"; closest ids: /],
      [['classify', '--chip', 'nvidia-h20', '--date', '2024-02-30'], /^earmark: date: "2024-02-30" is not a calendar date/],
      [['classify', '--chip', 'nvidia-h20', '--date', '2022-01-01'], /^earmark: date: 2022-01-01 is before earmark's coverage/],
      [['classify', '--tpp', '-5'], /^earmark: tpp: must be 0 or more/],
      [['classify', '--tpp', 'lots'], /^earmark: tpp: "lots" is not a number/],
      [['check', '--chip', 'nvidia-h20', '--to', 'XX'], /^earmark: to: unknown country "XX"/],
      [['check', '--chip', 'nvidia-h20', '--to', 'CN', '--quantity', '0'], /^earmark: quantity: must be 1 or more/],
      [['check', '--chip', 'nvidia-h20', '--to', 'CN', '--view', 'lenient'], /^earmark: view: "lenient" is not allowed; use one of enforced, codified, both/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });
});

describe('earmark check and timeline (issue acceptance)', () => {
  it('H800 to China: no licence on 2023-06-01; licence, 3A090.a, presumption of denial, no exceptions on 2023-12-01', async () => {
    const before = (await cli(['check', '--chip', 'nvidia-h800-sxm5', '--to', 'CN', '--date', '2023-06-01', '--json'])).json();
    expect(before.licenseRequired).toBe(false);
    const after = (await cli(['check', '--chip', 'nvidia-h800-sxm5', '--to', 'CN', '--date', '2023-12-01', '--json'])).json();
    expect(after).toMatchObject({ view: 'enforced', licenseRequired: true, reviewPolicy: 'presumption-of-denial', licenseExceptions: [], item: { eccn: '3A090.a' } });
    expect(Object.keys(after)).toEqual(['date', 'view', 'ruleVersion', 'item', 'licenseRequired', 'reviewPolicy', 'licenseExceptions', 'confidence', 'findings']);
  });
  it('H100 to Singapore with a Chinese parent needs a licence by the headquarters rule', async () => {
    const d = (await cli(['check', '--chip', 'nvidia-h100-sxm5-80gb', '--to', 'SG', '--parent-hq', 'CN', '--date', '2024-03-01', '--json'])).json();
    expect(d.licenseRequired).toBe(true);
    expect(d.findings.some((f: { citation: string; text: string }) => f.citation === '15 CFR 744.23(a)(3)' && /ultimate parent is headquartered in China/.test(f.text))).toBe(true);
  });
  it('--view both gives the codified answer beside the enforced one', async () => {
    const d = (await cli(['check', '--chip', 'nvidia-h100-sxm5-80gb', '--to', 'DE', '--quantity', '1000', '--date', '2025-06-01', '--view', 'both', '--json'])).json();
    expect(d.licenseRequired).toBe(false);
    expect(d.codified).toMatchObject({ view: 'codified', licenseRequired: true });
    expect(d.codified.licenseExceptions).toContain('AIA');
  });
  it('timeline of the H800 to China changes on 2023-11-17', async () => {
    const { intervals } = (await cli(['timeline', '--chip', 'nvidia-h800-sxm5', '--to', 'CN', '--json'])).json();
    expect(intervals[0].from).toBe('2022-10-07');
    const change = intervals.findIndex((i: { licenseRequired: boolean }) => i.licenseRequired);
    expect(intervals[change].from).toBe('2023-11-17');
    expect(intervals[change - 1].to).toBe('2023-11-16');
    expect(intervals[change - 1].licenseRequired).toBe(false);
    expect(intervals.at(-1).to).toBeNull();
    for (let i = 1; i < intervals.length; i++) expect(intervals[i].from > intervals[i - 1].to).toBe(true);
  });
});

describe('earmark check --buyer (screening in the determination)', () => {
  it('H20 to China for Inspur Group needs a licence because of the Entity List, citing the entry', async () => {
    const d = (await cli(['check', '--chip', 'nvidia-h20', '--to', 'CN', '--buyer', 'Inspur Group', '--date', '2025-09-01', '--json'])).json();
    expect(d.item.eccn).toBeNull();
    expect(d.licenseRequired).toBe(true);
    expect(d.reviewPolicy).toBe('presumption-of-denial');
    expect(d.licenseExceptions).toEqual([]);
    const el = d.findings.find((f: { citation: string }) => f.citation.startsWith('15 CFR 744.11'));
    expect(el.text).toMatch(/Inspur Group/);
    expect(d.findings.some((f: { citation: string }) => f.citation.includes('734.9(e)(2)'))).toBe(true);
  });
  it('the same shipment to an unlisted buyer needs none', async () => {
    const d = (await cli(['check', '--chip', 'nvidia-h20', '--to', 'CN', '--buyer', 'Blue Harbor Logistics', '--date', '2025-09-01', '--json'])).json();
    expect(d.licenseRequired).toBe(false);
  });
});

describe('--record', () => {
  it('writes the determination and the classification to the audit trail, which verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earmark-record-'));
    const d = (await cli(['check', '--chip', 'nvidia-h800-sxm5', '--to', 'CN', '--date', '2023-12-01', '--record', '--data-dir', dir, '--json'])).json();
    expect((await cli(['classify', '--chip', 'h20', '--date', '2024-06-01', '--record', '--data-dir', dir])).code).toBe(0);
    const lines = (await cli(['audit', 'export', '--format', 'jsonl', '--data-dir', dir])).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((r) => r.kind)).toEqual(['determination', 'classification']);
    expect(lines[0].output).toEqual(d);
    expect(lines[0].ruleVersion).toBe('2023-10-acs');
    expect(lines[0].input).toMatchObject({ chip: 'nvidia-h800-sxm5', to: 'CN', date: '2023-12-01' });
    expect((await cli(['audit', 'verify', '--data-dir', dir])).code).toBe(0);
  });
});

describe('the built binary', () => {
  it('runs from dist/ and exits 2 on bad input', () => {
    const ok = execFileSync('node', ['dist/earmark.js', 'check', '--chip', 'nvidia-h800-sxm5', '--to', 'CN', '--date', '2023-12-01', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(ok).licenseRequired).toBe(true);
    const bad = spawnSync('node', ['dist/earmark.js', 'check', '--chip', 'nope', '--to', 'CN'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^earmark: chip: unknown chip "nope"/);
  });
});
