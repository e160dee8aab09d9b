import { describe, expect, it } from 'vitest';
import { law, param } from '../../src/law/law.js';
import { modelCatalog, modelReport, publicationOf, publishedOn, viewsAt, weightsStatus } from '../../src/weights/index.js';

const { models, asOf } = modelCatalog();

describe('model catalog', () => {
  it('keeps the issue ids and reads every record', () => {
    const ids = models.map((m) => m.id);
    for (const id of ['deepseek-v3', 'deepseek-r1', 'llama-3.1-405b']) expect(ids).toContain(id);
    for (const m of models) {
      const r = modelReport(m.id, { date: asOf, view: 'both' });
      expect(r.id).toBe(m.id);
      for (const f of [...r.findings, ...(r.codified?.findings ?? [])]) {
        expect(f.rule && f.citation && f.source && f.text, `${m.id}: ${JSON.stringify(f)}`).toBeTruthy();
      }
    }
  });

  it('knows whether each catalogued model has published weights', () => {
    for (const m of models) expect(publicationOf(m).basis, m.id).not.toMatch(/no publication found/);
  });

  it('has stage GPU-hours and costs that add up (DeepSeek-V3: 2,664K + 119K + 5K = 2,788K; $5.328M + $0.238M + $0.01M)', () => {
    const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);
    let checked = 0;
    for (const m of models) {
      if (m.gpuHours?.total && m.gpuHours.byStage) {
        expect(sum(m.gpuHours.byStage), m.id).toBe(m.gpuHours.total);
        checked++;
      }
    }
    const v3 = models.find((m) => m.id === 'deepseek-v3')!;
    expect(sum(v3.cost!.byStage!)).toBe(5_576_000);
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});

describe('open-weight floor (Note 2 to 4E091, earmark proxy)', () => {
  const floorAt = (d: string) => param<{ flop: number }>(law(), '4E091.openWeightFloor', d)?.value?.flop;
  const largestOpenBy = (d: string) =>
    Math.max(...models.filter((m) => publishedOn(publicationOf(m), d) && m.trainingCompute.flop !== null).map((m) => m.trainingCompute.flop!));

  it('equals the largest training compute among published catalogued models, on every date it is read', () => {
    const first = law().parameters.get('4E091.openWeightFloor')!.values[0].from;
    const dates = new Set([first, asOf, ...models.map((m) => publicationOf(m).on).filter((d): d is string => d !== null && d >= first)]);
    for (const d of dates) expect(floorAt(d), d).toBe(largestOpenBy(d));
  });

  it('never decreases', () => {
    const values = law().parameters.get('4E091.openWeightFloor')!.values.map((v) => (v.value as { flop: number }).flop);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  });
});

describe('4E091 status properties', () => {
  it('controls unpublished weights exactly from the higher of 10^26 and the floor, on every boundary date', () => {
    for (const date of law().boundaries.filter((d) => d >= '2025-01-13')) {
      const limit = Math.max(1e26, param<{ flop: number }>(law(), '4E091.openWeightFloor', date)!.value!.flop);
      for (const flop of [limit * 0.999, limit, limit * 5]) {
        for (const view of viewsAt(date)) {
          const a = weightsStatus({ trainingFlop: flop, published: false, date }, view);
          expect(a.eccn, `${date} ${view} ${flop}`).toBe(flop >= limit ? '4E091' : null);
        }
      }
    }
  });

  it('never requires a 4E091 licence in the enforced view, and always in the codified view from 2025-05-15', () => {
    for (const date of law().boundaries.filter((d) => d >= '2025-01-13')) {
      const q = { trainingFlop: 3e26, published: false, date, to: 'FR', parentHq: 'CN' };
      expect(weightsStatus(q, 'enforced').licenseRequired, date).toBe(false);
      expect(weightsStatus(q, 'codified').licenseRequired, date).toBe(date >= '2025-05-15');
    }
  });

  it('gives both views from 2025-05-13 and one before', () => {
    expect(viewsAt('2025-05-12')).toEqual(['codified']);
    expect(viewsAt('2025-05-13')).toEqual(['enforced', 'codified']);
  });
});
