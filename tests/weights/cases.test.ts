import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { View } from '../../src/law/versions.js';
import { type WeightsQuery, weightsAnswer } from '../../src/weights/index.js';
import { cli } from '../support/cli.js';

interface Case {
  id: string;
  about?: string;
  argv?: string[];
  weights?: WeightsQuery;
  view?: View | 'both';
  expect?: Record<string, unknown>;
  exit?: number;
  stderr?: string;
}

const { cases } = parse(readFileSync(join(import.meta.dirname, 'cases.yaml'), 'utf8')) as { cases: Case[] };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function at(value: unknown, path: string): unknown {
  return path === '' ? value : path.split('.').reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), value);
}

/** True when `actual` matches the expected value of a case (see the matchers in cases.yaml). */
function matches(actual: unknown, want: unknown): boolean {
  if (isObject(want) && 'approx' in want) {
    return typeof actual === 'number' && Math.abs(actual - Number(want.approx)) <= Number(want.rel) * Math.abs(Number(want.approx));
  }
  if (isObject(want) && 'between' in want) {
    const [lo, hi] = want.between as number[];
    return typeof actual === 'number' && actual >= lo && actual <= hi;
  }
  if (isObject(want) && 'contains' in want) return typeof actual === 'string' && actual.includes(String(want.contains));
  if (isObject(want) && 'some' in want) {
    const spec = want.some as Record<string, unknown>;
    return Array.isArray(actual) && actual.some((el) => Object.entries(spec).every(([k, w]) => {
      const v = at(el, k);
      return typeof w === 'string' ? typeof v === 'string' && v.includes(w) : matches(v, w);
    }));
  }
  return JSON.stringify(actual) === JSON.stringify(want);
}

describe('4E091, compute and capacity cases (tests/weights/cases.yaml)', () => {
  it('has unique case ids, each with a runner and an expectation', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(Boolean(c.argv) !== Boolean(c.weights), c.id).toBe(true);
      expect(c.expect !== undefined || c.exit !== undefined, c.id).toBe(true);
    }
  });

  for (const c of cases) {
    it(`${c.id}${c.about ? `: ${c.about}` : ''}`, async () => {
      let answer: unknown;
      if (c.argv) {
        const r = await cli(c.argv.map(String));
        expect(r.code, r.err).toBe(c.exit ?? 0);
        if (c.stderr !== undefined) expect(r.err).toContain(c.stderr);
        if (c.exit) return;
        answer = r.json();
      } else {
        answer = weightsAnswer({ ...c.weights!, date: String(c.weights!.date) }, c.view ?? 'codified');
      }
      for (const [path, want] of Object.entries(c.expect ?? {})) {
        expect(matches(at(answer, path), want), `${path}: got ${JSON.stringify(at(answer, path))}, want ${JSON.stringify(want)}`).toBe(true);
      }
    });
  }
});

describe('the case matchers', () => {
  it('fail when they should', () => {
    expect(matches(1.1, { approx: 1, rel: 0.05 })).toBe(false);
    expect(matches(5, { between: [1, 4] })).toBe(false);
    expect(matches('abc', { contains: 'x' })).toBe(false);
    expect(matches([{ a: 'x' }], { some: { a: 'y' } })).toBe(false);
    expect(matches(['no number: x'], { some: { '': 'no number' } })).toBe(true);
    expect(matches(null, 0)).toBe(false);
  });
});
