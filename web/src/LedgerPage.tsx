// Ledger & audit: what each allowance has left, and the tamper-evident audit trail.
import { useState } from 'preact/hooks';
import { api, lines } from './api.js';
import { useLoad } from './hooks.js';
import { navigate, type Route } from './route.js';
import { Status } from './Status.js';

interface Allowance {
  id: string; kind: string; key: string; unit: string; limit: number; periodFrom: string; periodTo: string | null;
  reserved: number; consumed: number; remaining: number; details: { name: string; citation: string; source: string; confidence: string; note?: string };
}
interface AuditRecord { seq: number; at: string; kind: string; actor: string; ruleVersion: string | null; input: unknown; output: unknown; hash: string }
type Verification = { ok: true; records: number; head: string } | { ok: false; records: number; broken: { seq: number; reason: string } };

const list = <T,>(data: unknown, key: string): T[] => (Array.isArray(data) ? data : ((data as Record<string, unknown>)[key] as T[]) ?? []);

export function LedgerPage({ route }: { route: Route }) {
  const kind = route.params.get('kind') ?? '';
  const text = route.params.get('q') ?? '';
  const allowances = useLoad('allowances', () => api<unknown>('/v1/ledger/allowances').then((d) => list<Allowance>(d, 'allowances')));
  const audit = useLoad(`audit|${kind}`, () => lines<AuditRecord>('/v1/audit/export?format=jsonl').then((rows) => rows.filter((r) => !kind || r.kind === kind).reverse()));
  const [verify, setVerify] = useState<{ busy?: boolean; v?: Verification; error?: string }>({});
  const runVerify = async () => {
    setVerify({ busy: true });
    try { setVerify({ v: await api<Verification>('/v1/audit/verify') }); }
    catch (e) { setVerify({ error: (e as Error).message }); }
  };

  return (
    <section aria-labelledby="ledger-title">
      <h1 id="ledger-title">Ledger &amp; audit</h1>
      <h2>Allowances</h2>
      <Status of={allowances} what="the allowances">
        {(rows) => rows.length === 0 ? <p class="hint">No allowances yet: they appear when shipments are reserved against a licence, a country limit or an LPP.</p> : (
          <ul class="allowances">
            {rows.map((a) => {
              const pct = (n: number) => `${Math.min(100, (n / a.limit) * 100)}%`;
              return (
                <li key={a.id}>
                  <p><strong>{a.details.name}</strong> <span class="hint">{a.kind} · {a.periodFrom} to {a.periodTo ?? 'open'} · {a.details.citation}</span></p>
                  <div class="bar" role="img" aria-label={`${a.consumed} shipped, ${a.reserved} reserved, ${a.remaining} remaining of ${a.limit} ${a.unit}`}>
                    <span class="used" style={{ width: pct(a.consumed) }} />
                    <span class="reserved" style={{ width: pct(a.reserved) }} />
                  </div>
                  <p class="hint">{a.consumed.toLocaleString('en-US')} shipped · {a.reserved.toLocaleString('en-US')} reserved · <strong>{a.remaining.toLocaleString('en-US')} remaining</strong> of {a.limit.toLocaleString('en-US')} {a.unit}</p>
                </li>
              );
            })}
          </ul>
        )}
      </Status>
      <h2>Audit trail</h2>
      <div class="inline-form">
        <label>
          Kind
          <select value={kind} onChange={(e) => navigate('ledger', { kind: e.currentTarget.value, q: text }, true)}>
            <option value="">All</option>
            {['determination', 'classification', 'screening', 'ledger'].map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label>
          Contains
          <input type="search" value={text} onInput={(e) => navigate('ledger', { kind, q: e.currentTarget.value }, true)} />
        </label>
        <button type="button" onClick={runVerify} disabled={verify.busy}>Verify chain</button>
      </div>
      {verify.v && (
        <p role="status" class={verify.v.ok ? 'ok' : 'error'} data-testid="verify">
          {verify.v.ok ? `✓ Chain intact: ${verify.v.records} records, head ${verify.v.head.slice(0, 12)}…` : `✕ Chain broken at record ${verify.v.broken.seq}: ${verify.v.broken.reason}`}
        </p>
      )}
      {verify.error && <p role="alert" class="error">Could not verify: {verify.error}</p>}
      <Status of={audit} what="the audit trail">
        {(rows) => {
          const shown = rows.filter((r) => !text || JSON.stringify(r).toLowerCase().includes(text.toLowerCase()));
          return shown.length === 0 ? <p class="hint">No records{text || kind ? ' match' : ' yet'}.</p> : (
            <div class="table-wrap">
              <table class="audit">
                <thead><tr><th>#</th><th>At</th><th>Kind</th><th>Actor</th><th>Rule version</th><th>Summary</th><th>Hash</th></tr></thead>
                <tbody>
                  {shown.map((r) => (
                    <tr key={r.seq}>
                      <td>{r.seq}</td><td>{r.at.replace('T', ' ').slice(0, 19)}</td><td>{r.kind}</td><td>{r.actor}</td>
                      <td><code>{r.ruleVersion ?? '—'}</code></td><td>{summary(r)}</td><td><code>{r.hash.slice(0, 10)}</code></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Status>
    </section>
  );
}

/** A determination's one line, or the input in brief for other kinds. */
function summary(r: AuditRecord): string {
  const o = r.output as { licenseRequired?: boolean | null; reviewPolicy?: string | null } | null;
  const i = r.input as Record<string, unknown> | null;
  const what = i ? ['chip', 'to', 'date', 'name'].filter((k) => i[k] !== undefined).map((k) => `${k} ${String(i[k])}`).join(', ') : '';
  if (o && 'licenseRequired' in o) return `${what}: ${o.licenseRequired === null ? 'indeterminate' : o.licenseRequired ? `licence required${o.reviewPolicy ? `, ${o.reviewPolicy}` : ''}` : 'no licence'}`;
  return what;
}
