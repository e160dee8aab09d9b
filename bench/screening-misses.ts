// Lists the labelled variants earmark misses at the default threshold, to see what the matcher gets wrong.
// Run: node bench/run.mjs screening-misses [PER_KIND=100]
import { loadBundled } from '../src/screening/store.js';
import { defaultThreshold, screen, serviceFor } from '../src/screening/service.js';
import { positives } from './screening-labels.js';

const snapshot = loadBundled();
const service = serviceFor(snapshot);
const parties = snapshot.parties;
for (const p of positives(parties, Number(process.argv[2] ?? 100), 1)) {
  const hits = screen(service, p.query, { threshold: 0.5, limit: 50, date: '2026-08-01' }).hits;
  const t = hits.find((h) => h.name === parties[p.party].name && h.list === parties[p.party].list);
  if (!t || t.score < defaultThreshold) {
    console.log(`${p.kind.padEnd(15)} ${(t?.score ?? 0).toFixed(3)}  "${p.query}"  <- ${parties[p.party].name} [${parties[p.party].altNames.slice(0, 2).join(' | ')}]`);
    if (t) console.log(`      ${t.tokens.map((x) => `${x.query}→${x.matched ?? '∅'} ${x.similarity}×${x.weight}`).join(', ')}  (matched "${t.matchedName}")`);
  }
}
