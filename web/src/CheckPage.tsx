// Check: may this be shipped, to them, there, on that day, and why.
import { useState } from 'preact/hooks';
import { api, type Determination, type ScreenResult } from './api.js';
import { Findings, Headline } from './answer.js';
import { useLoad } from './hooks.js';
import { href, navigate, type Route } from './route.js';
import { Hits } from './ScreenPage.js';
import { Status } from './Status.js';
import { checkBody, isComplete, txParams } from './tx.js';
import { TxForm } from './TxForm.js';

export function CheckPage({ route }: { route: Route }) {
  const tx = txParams(route.params);
  const key = isComplete(tx) ? JSON.stringify(tx) : null;
  const result = useLoad(key, () => api<Determination>('/v1/check', { body: checkBody(tx) }));
  const screening = useLoad(tx.buyer ? `${tx.buyer}|${tx.to}` : null, () => api<ScreenResult>('/v1/screen', { body: { name: tx.buyer, country: tx.to } }));

  return (
    <section aria-labelledby="check-title">
      <h1 id="check-title">Check a transaction</h1>
      <div class="with-form">
      <div>
      {key === null && <p class="lead">Choose a chip and a destination; the answer, and why, appears here.</p>}
      <Status of={result} what="the determination">
        {(d) => (
          <div class="result">
            <Headline d={d} />
            {d.codified && (
              <div class="codified">
                <h2>Codified text (as the CFR reads)</h2>
                <Headline d={d.codified} />
              </div>
            )}
            <p class="actions">
              <a href={href('timeline', { ...tx, date: undefined })}>See this transaction over time →</a>
              <Record tx={tx} />
            </p>
            <h2>Findings</h2>
            <Findings findings={d.findings} date={d.date} />
            {d.codified && (
              <details>
                <summary>Findings under the codified text</summary>
                <Findings findings={d.codified.findings} date={d.date} />
              </details>
            )}
          </div>
        )}
      </Status>
      {tx.buyer && (
        <div class="screening">
          <h2>Screening of “{tx.buyer}”</h2>
          <Status of={screening} what="the screening">{(s) => <Hits result={s} />}</Status>
        </div>
      )}
      </div>
      <TxForm key={route.params.toString()} initial={tx} withDate views={['enforced', 'codified', 'both']} submitLabel="Check" onSubmit={(t) => navigate('check', t)} />
      </div>
    </section>
  );
}

/** Writes this determination to the audit trail with the operator's key. */
function Record({ tx }: { tx: Record<string, string> }) {
  const [state, setState] = useState<{ s: 'idle' | 'busy' | 'done' | 'error'; msg?: string }>({ s: 'idle' });
  const record = async () => {
    setState({ s: 'busy' });
    try {
      const d = await api<Determination>('/v1/check', { body: { ...checkBody(tx), record: true } });
      setState({ s: 'done', msg: `Recorded to the audit trail (rule version ${d.ruleVersion}).` });
    } catch (e) {
      setState({ s: 'error', msg: (e as Error).message });
    }
  };
  return (
    <span class="record">
      <button type="button" onClick={record} disabled={state.s === 'busy'}>Record to audit trail</button>
      {state.msg && <span role="status" class={state.s === 'error' ? 'error' : 'ok'}>{state.msg}</span>}
    </span>
  );
}
