import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { law } from '../../src/law/law.js';
import { decide, screenBuyer } from '../../src/licensing/decide.js';
import { openScreening } from '../../src/screening/index.js';
import { readCases, tx } from '../support/cases.js';

interface Expect { eccn?: string | null; licenseRequired?: boolean | null; reviewPolicy?: string | null; licenseExceptions?: string[] }
interface Case { id: string; date: string; input: Record<string, unknown>; citation: string; codifiedCitation?: string; expect: Expect; codified?: Expect }

const { cases } = readCases<{ cases: Case[] }>('licensing.yaml');
const dataDir = mkdtempSync(join(tmpdir(), 'earmark-cases-'));

function matches(actual: { item: { eccn: string | null }; licenseRequired: boolean | null; reviewPolicy: string | null; licenseExceptions: string[] }, e: Expect) {
  if ('eccn' in e) expect(actual.item.eccn).toBe(e.eccn);
  if ('licenseRequired' in e) expect(actual.licenseRequired).toBe(e.licenseRequired);
  if ('reviewPolicy' in e) expect(actual.reviewPolicy).toBe(e.reviewPolicy);
  if ('licenseExceptions' in e) expect([...actual.licenseExceptions].sort()).toEqual([...e.licenseExceptions!].sort());
}

describe('worked cases (regs-cases.md A-F and boundaries)', () => {
  for (const c of cases) {
    it(`${c.id} on ${c.date}`, () => {
      // Screening as earmark check does it, over the bundled lists (no imported snapshot in this data dir).
      const d = decide(law(), screenBuyer(openScreening({}, dataDir)), tx(c.input as never, String(c.date)), 'both');
      matches(d, c.expect);
      expect(d.findings.map((f) => f.citation).join(' | ')).toContain(c.citation);
      expect(d.view).toBe('enforced');
      if (c.codified) {
        matches(d.codified!, c.codified);
        expect(d.codified!.view).toBe('codified');
        if (c.codifiedCitation) expect(d.codified!.findings.map((f) => f.citation).join(' | ')).toContain(c.codifiedCitation);
      }
      for (const f of d.findings) {
        expect([d.ruleVersion, 'screening:2026-07-31']).toContain(f.rule);
        expect(f.citation.length).toBeGreaterThan(0);
        expect(f.source.length).toBeGreaterThan(0);
      }
    });
  }
});
