// Screen: a name against the lists in service (Entity List and the rest), each hit explained.
import { useState } from 'preact/hooks';
import { api, type ScreenResult } from './api.js';
import { useLoad } from './hooks.js';
import { navigate, type Route } from './route.js';
import { Status } from './Status.js';

export function ScreenPage({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  const country = route.params.get('country') ?? '';
  const [name, setName] = useState(q);
  const result = useLoad(q ? `${q}|${country}` : null, () => api<ScreenResult>('/v1/screen', { body: { name: q, ...(country ? { country } : {}) } }));
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Screen a party</h1>
      <form class="inline-form" role="search" onSubmit={(e) => { e.preventDefault(); navigate('screen', { q: name.trim(), country }); }}>
        <label>
          Name
          <input type="search" name="q" value={name} onInput={(e) => setName(e.currentTarget.value)} required autocomplete="off" placeholder="e.g. Sugon" />
        </label>
        <button type="submit" class="primary">Screen</button>
      </form>
      <Status of={result} what="the screening">{(r) => <Hits result={r} />}</Status>
    </section>
  );
}

function ageInDays(asOf: string): number {
  return Math.max(0, Math.round((Date.now() - Date.parse(asOf)) / 86_400_000));
}

/** The hits of a screening, with the snapshot they come from and its age. */
export function Hits({ result }: { result: ScreenResult }) {
  const { snapshot, hits } = result;
  const age = ageInDays(snapshot.asOf);
  return (
    <div class="hits">
      <p class={`snapshot${age > 30 ? ' stale' : ''}`} data-testid="snapshot">
        Lists snapshot of {snapshot.asOf.slice(0, 10)} ({age === 0 ? 'today' : `${age} day${age === 1 ? '' : 's'} old`})
        {snapshot.sha256 && <> · sha256 <code>{snapshot.sha256.slice(0, 12)}…</code></>}
        {age > 30 && ' — older than 30 days: refresh the lists before relying on a clear result.'}
      </p>
      {hits.length === 0 ? (
        <p class="ok" role="status">No hits on the lists in service.</p>
      ) : (
        <ol class="hit-list">
          {hits.map((h, i) => (
            <li key={i} class="hit">
              <p><strong>{h.matchedName}</strong> — {h.list}{h.entityNumber != null ? ` #${h.entityNumber}` : ''}{h.country ? `, ${h.country}` : ''}{h.status ? ` (${h.status})` : ''}</p>
              <p class="hint">
                Matched “{h.name}” with score {(h.score * (h.score <= 1 ? 100 : 1)).toFixed(0)}{h.score <= 1 ? '%' : ''}.
                {h.licenseRequirement && ` Licence requirement: ${h.licenseRequirement}.`}
                {h.licensePolicy && ` Policy: ${h.licensePolicy}.`}
                {h.footnote && ` Footnote: ${h.footnote}.`}
                {h.federalRegister && ` Listed by ${h.federalRegister}.`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
