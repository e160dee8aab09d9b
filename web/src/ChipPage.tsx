// One chip: its specs, where they come from, and its ECCN on every date the law changed.
import { api, type ChipDetail } from './api.js';
import { useLoad } from './hooks.js';
import { href } from './route.js';
import { Status } from './Status.js';

const specRows: [label: string, get: (c: ChipDetail) => unknown][] = [
  ['Vendor', (c) => c.vendor],
  ['Launched', (c) => c.metrics.launchDate],
  ['Marketed for datacenters', (c) => (c.metrics.marketedForDatacenter ? 'yes' : 'no')],
  ['TPP', (c) => c.metrics.tpp !== null ? `${c.metrics.tpp.toLocaleString('en-US')} (${c.metrics.tppPrecision ?? '?'}${c.metrics.tppEstimated ? ', estimated' : ''})` : 'unknown'],
  ['Performance density', (c) => c.metrics.performanceDensity ?? 'unknown'],
  ['Die area (mm²)', (c) => c.metrics.dieAreaMm2 ?? 'unknown'],
  ['Interconnect (GB/s, bidirectional)', (c) => c.metrics.interconnectGBs ?? 'unknown'],
  ['Memory bandwidth (GB/s)', (c) => c.metrics.memoryBandwidthGBs ?? 'unknown'],
  ['ECCN today', (c) => c.metrics.eccn ?? 'not 3A090/4A090'],
  ['Confidence', (c) => c.metrics.confidence ?? c.confidence],
];

export function ChipPage({ id }: { id: string }) {
  const chip = useLoad(id, () => api<ChipDetail>(`/v1/chips/${encodeURIComponent(id)}`));
  return (
    <section aria-labelledby="chip-title">
      <p><a href={href('chips')}>← All chips</a></p>
      <Status of={chip} what={`chip ${id}`}>
        {(c) => (
          <>
            <h1 id="chip-title">{c.name}</h1>
            <p class="actions">
              <a href={href('check', { chip: c.id, to: 'CN' })}>Check it to China →</a>
              <a href={href('timeline', { chip: c.id, to: 'CN' })}>Its timeline to China →</a>
            </p>
            <div class="two-col">
              <table class="specs">
                <caption>Specifications</caption>
                <tbody>{specRows.map(([label, get]) => <tr key={label}><th scope="row">{label}</th><td>{String(get(c) ?? '—')}</td></tr>)}</tbody>
              </table>
              <table class="history">
                <caption>Classification over time</caption>
                <thead><tr><th>From</th><th>ECCN</th><th>Rule version</th></tr></thead>
                <tbody>{c.classificationHistory.map((h) => <tr key={h.from}><td>{h.from}</td><td>{h.eccn ?? 'not 3A090'}</td><td><code>{h.ruleVersion}</code></td></tr>)}</tbody>
              </table>
            </div>
            {Array.isArray(c.notes) && c.notes.length > 0 && (
              <>
                <h2>Notes</h2>
                <ul>{(c.notes as string[]).map((n, i) => <li key={i}>{n}</li>)}</ul>
              </>
            )}
            <h2>Sources</h2>
            <ul class="sources">
              {Array.isArray(c.sources) ? (c.sources as string[]).map((s) => <li key={s}>{/^https?:/.test(s) ? <a href={s} target="_blank" rel="noreferrer">{s}</a> : s}</li>) : <li>none recorded</li>}
            </ul>
          </>
        )}
      </Status>
    </section>
  );
}
