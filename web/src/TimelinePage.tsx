// Timeline: the same transaction on every date since October 2022, coloured by the answer, with the rule versions marked.
import { api, getRules, type Determination, type Interval, type Rules } from './api.js';
import { answerLine, Findings, Headline, tone, toneSymbol } from './answer.js';
import { useLoad } from './hooks.js';
import { href, navigate, type Route } from './route.js';
import { Status } from './Status.js';
import { checkBody, isComplete, txParams } from './tx.js';
import { today, TxForm } from './TxForm.js';

const day = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function TimelinePage({ route }: { route: Route }) {
  const tx = txParams(route.params, ['date']);
  if (tx.view === 'both') delete tx.view;
  const at = route.params.get('at');
  const key = isComplete(tx) ? new URLSearchParams(tx).toString() : null;
  const data = useLoad(key, async () => {
    const [t, rules] = await Promise.all([api<{ intervals: Interval[] }>(`/v1/timeline?${key}`), getRules()]);
    return { intervals: t.intervals, rules };
  });
  const chosen = useLoad(at && key ? `${key}@${at}` : null, () => api<Determination>('/v1/check', { body: checkBody({ ...tx, date: at! }) }));
  const pick = (date: string) => navigate('timeline', { ...tx, at: date }, true);

  return (
    <section aria-labelledby="timeline-title">
      <h1 id="timeline-title">Timeline</h1>
      <div class="with-form">
        <div>
          {key === null && <p class="lead">Choose a chip and a destination to see the answer on every date since October 2022.</p>}
          <Status of={data} what="the timeline">
            {({ intervals, rules }) => (
              <>
                <Band intervals={intervals} rules={rules} at={at} onPick={pick} />
                <Legend />
                <IntervalTable intervals={intervals} at={at} onPick={pick} />
              </>
            )}
          </Status>
          <Status of={chosen} what={`the determination on ${at}`}>
            {(d) => (
              <div class="result" id="chosen">
                <h2>On {d.date}</h2>
                <Headline d={d} />
                <p class="actions"><a href={href('check', { ...tx, date: d.date })}>Open in Check →</a></p>
                <Findings findings={d.findings} date={d.date} />
              </div>
            )}
          </Status>
        </div>
        <TxForm key={route.params.toString()} initial={tx} withDate={false} views={['enforced', 'codified']} submitLabel="Show timeline" onSubmit={(t) => navigate('timeline', t)} />
      </div>
    </section>
  );
}

/** The horizontal band: one segment per interval, the rule versions as ticks, the answer's changes labelled. */
function Band({ intervals, rules, at, onPick }: { intervals: Interval[]; rules: Rules; at: string | null; onPick: (d: string) => void }) {
  const start = ms(rules.coverageStart);
  const end = ms(today()) + day;
  const W = 1000;
  const x = (d: string) => ((Math.min(ms(d), end) - start) / (end - start)) * W;
  const changes = intervals.filter((iv, i) => i > 0 && answerKey(iv) !== answerKey(intervals[i - 1]));
  const years = [];
  for (let y = new Date(start).getUTCFullYear() + 1; ms(`${y}-01-01`) < end; y++) years.push(y);
  return (
    <figure class="band">
      <svg viewBox={`0 -50 ${W} 120`} role="group" aria-label="The answer over time; each segment is an interval">
        <defs>
          <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" class="hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#fff" stroke-width="3" opacity="0.5" />
          </pattern>
        </defs>
        {intervals.map((iv) => {
          const t = tone(iv.licenseRequired, iv.reviewPolicy);
          const x0 = x(iv.from);
          const x1 = iv.to ? x(iv.to) + (W * day) / (end - start) : W;
          const label = `${iv.from} to ${iv.to ?? 'today'}: ${answerLine(iv.licenseRequired, iv.reviewPolicy, iv.licenseExceptions)} (${iv.ruleVersion})`;
          const selected = at !== null && at >= iv.from && (iv.to === null || at <= iv.to);
          return (
            <rect
              key={iv.from}
              class={`segment fill-${t}${selected ? ' selected' : ''}`}
              x={x0} y={0} width={Math.max(1, x1 - x0)} height={44}
              tabIndex={0} role="button" aria-label={label}
              onClick={() => onPick(iv.from)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick(iv.from))}
            >
              <title>{label}</title>
            </rect>
          );
        })}
        {rules.versions.map((v) => (
          <g key={v.id} class="version-tick">
            <line x1={x(v.effective)} x2={x(v.effective)} y1={-4} y2={50} />
            <title>{`${v.effective} ${v.id}: ${v.title}`}</title>
          </g>
        ))}
        {changes.map((iv, i) => (
          <g key={iv.from} class="change-label">
            <line x1={x(iv.from)} x2={x(iv.from)} y1={-8 - (i % 2) * 18} y2={0} />
            <text x={x(iv.from)} y={-12 - (i % 2) * 18} text-anchor={x(iv.from) > W * 0.85 ? 'end' : 'start'}>
              {`${iv.from} ${toneSymbol[tone(iv.licenseRequired, iv.reviewPolicy)]}`}
            </text>
          </g>
        ))}
        {years.map((y) => (
          <text key={y} class="year" x={x(`${y}-01-01`)} y={66} text-anchor="middle">{y}</text>
        ))}
      </svg>
      <figcaption>Ticks mark rule versions; labels above mark the dates the answer changed. Click a segment for that date's determination.</figcaption>
    </figure>
  );
}

const answerKey = (iv: Interval) => `${iv.licenseRequired}|${iv.reviewPolicy}|${iv.licenseExceptions.join()}`;

export function Legend() {
  const items: [ReturnType<typeof tone>, string][] = [['free', 'No licence required'], ['licence', 'Licence required (case by case or approval)'], ['deny', 'Licence required, presumption or policy of denial'], ['unknown', 'Indeterminate']];
  return (
    <ul class="legend">
      {items.map(([t, label]) => (
        <li key={t}><span class={`swatch tone-${t}`} aria-hidden="true">{toneSymbol[t]}</span>{label}</li>
      ))}
    </ul>
  );
}

function IntervalTable({ intervals, at, onPick }: { intervals: Interval[]; at: string | null; onPick: (d: string) => void }) {
  return (
    <div class="table-wrap">
    <table class="intervals">
      <caption>Every interval</caption>
      <thead><tr><th>From</th><th>To</th><th>Answer</th><th>ECCN</th><th>Rule version</th></tr></thead>
      <tbody>
        {intervals.map((iv) => {
          const t = tone(iv.licenseRequired, iv.reviewPolicy);
          return (
            <tr key={iv.from} class={at === iv.from ? 'selected' : ''} data-from={iv.from}>
              <td><button type="button" class="link" onClick={() => onPick(iv.from)}>{iv.from}</button></td>
              <td>{iv.to ?? 'today'}</td>
              <td><span class={`swatch tone-${t}`} aria-hidden="true">{toneSymbol[t]}</span> {answerLine(iv.licenseRequired, iv.reviewPolicy, iv.licenseExceptions)}</td>
              <td>{iv.eccn ?? '—'}</td>
              <td><code>{iv.ruleVersion}</code></td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
