// Determinations per second, in-process, with full findings, over 1,000,000 varied transactions,
// beside a baseline loop that only builds the same inputs. Run: npx tsx bench/check.ts [N]
import { itemFromChip, itemFromSpecs } from '../src/chips/catalog.js';
import { law } from '../src/law/law.js';
import { check } from '../src/licensing/determine.js';
import type { Transaction } from '../src/licensing/transaction.js';

const n = Number(process.argv[2] ?? 1_000_000);
const l = law();
const items = [...l.chips.chips.map(itemFromChip), itemFromSpecs({ tpp: 3000, dieArea: 1500 }), itemFromSpecs({ hbmDensity: 5 })];
const places = ['CN', 'HK', 'MO', 'SG', 'MY', 'DE', 'AE', 'SA', 'VN', 'IN', 'KH', 'NI', 'IL', 'US', 'JP', 'BR', 'RU', 'TW'];
const parents = [undefined, undefined, undefined, 'CN', 'US'];
const vendors = [undefined, undefined, 'NVIDIA', 'AMD'];
const dates = l.boundaries.flatMap((d) => [d, `${d.slice(0, 8)}28`]).filter((d) => d >= l.coverageStart);

function build(i: number): Transaction {
  const to = places[i % places.length];
  return {
    item: items[(i * 7) % items.length],
    to,
    date: dates[(i * 13) % dates.length],
    quantity: 1 + (i % 2000),
    buyerHq: to,
    parentHq: parents[i % parents.length],
    vendor: vendors[i % vendors.length],
    exportFrom: i % 11 === 0 ? 'TW' : 'US',
  };
}

function time(label: string, body: (i: number) => number) {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += body(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += body(i);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${label.padEnd(34)} ${n.toLocaleString('en-US')} in ${s.toFixed(2)} s = ${Math.round(n / s).toLocaleString('en-US')}/s (sink ${sink % 7})`);
  return s;
}

const base = time('baseline (build inputs only)', (i) => build(i).quantity);
const full = time('determinations (enforced, findings)', (i) => check(l, build(i), 'enforced').findings.length);
const both = time('determinations (both views)', (i) => check(l, build(i), 'both').findings.length);
console.log(`ratio determination/baseline: ${(full / base).toFixed(1)}x; both views/baseline: ${(both / base).toFixed(1)}x`);
console.log(`target: at least 300,000 determinations per second on one core -> ${n / full >= 300_000 ? 'met' : 'NOT met'}`);
