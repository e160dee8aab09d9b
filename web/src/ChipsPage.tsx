// Chips: TPP against performance density for the whole catalog, with the 3A090 regions of a rule version shaded.
import { getChips, getRules, type Chip, type Rules } from './api.js';
import { useLoad } from './hooks.js';
import { href, navigate, type Route } from './route.js';
import { Status } from './Status.js';
import { line2022, line2026, thresholdsAt, type Thresholds } from './thresholds.js';

const W = 900;
const H = 520;
const m = { l: 56, r: 16, t: 16, b: 44 };
const xDomain = [1_000, 3_000_000];
const yDomain = [1, 100];
const lx = (v: number) => m.l + ((Math.log10(v) - Math.log10(xDomain[0])) / (Math.log10(xDomain[1]) - Math.log10(xDomain[0]))) * (W - m.l - m.r);
const ly = (v: number) => H - m.b - ((Math.log10(v) - Math.log10(yDomain[0])) / (Math.log10(yDomain[1]) - Math.log10(yDomain[0]))) * (H - m.t - m.b);
const clampX = (v: number) => lx(Math.min(Math.max(v, xDomain[0]), xDomain[1]));
const clampY = (v: number) => ly(Math.min(Math.max(v, yDomain[0]), yDomain[1]));

export function ChipsPage({ route }: { route: Route }) {
  const rules = useLoad('rules', getRules);
  return (
    <section aria-labelledby="chips-title">
      <h1 id="chips-title">Chips</h1>
      <Status of={rules} what="the rule versions">{(r) => <Chart rules={r} version={route.params.get('version')} />}</Status>
    </section>
  );
}

function Chart({ rules, version }: { rules: Rules; version: string | null }) {
  const v = rules.versions.find((x) => x.id === version) ?? rules.versions[rules.versions.length - 1];
  const chips = useLoad(v.effective, () => getChips(v.effective));
  const t = thresholdsAt(v.effective);
  return (
    <>
      <label class="inline">
        Rule version
        <select value={v.id} onChange={(e) => navigate('chips', { version: e.currentTarget.value }, true)}>
          {rules.versions.map((x) => <option key={x.id} value={x.id}>{x.effective} — {x.id}</option>)}
        </select>
      </label>
      <Status of={chips} what="the catalog">
        {({ chips: list }) => {
          const plotted = list.filter((c) => c.tpp && c.performanceDensity);
          const { dx, labels } = layoutPoints(plotted);
          const unplotted = list.filter((c) => !(c.tpp && c.performanceDensity));
          return (
            <>
              <figure class="scatter">
                <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`TPP against performance density on ${v.effective}`}>
                  <defs>
                    <pattern id="b-hatch" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                      <line class="b-hatch-line" x1="0" y1="0" x2="0" y2="7" />
                    </pattern>
                  </defs>
                  <Regions t={t} />
                  <Axes />
                  <Lines />
                  {plotted.map((c) => <Point key={c.id} c={c} dx={dx.get(c.id)!} label={labels.get(c.id)} />)}
                </svg>
                <figcaption>
                  Shaded: the 3A090 regions on {v.effective}
                  {t.a ? ` (${t.a.citation}; ${t.b?.citation})` : t.a2022 ? ` (${t.a2022.citation}: TPP ≥ ${t.a2022.value.tpp} and interconnect ≥ ${t.a2022.value.bidirectionalGBs} GB/s, which this chart cannot show)` : ''}.
                  Point colour and shape give each chip's ECCN on that date. Click a chip for its page.
                </figcaption>
              </figure>
              <ul class="legend">
                <li><span class="swatch eccn-a" aria-hidden="true">■</span>3A090.a</li>
                <li><span class="swatch eccn-b" aria-hidden="true">▲</span>3A090.b</li>
                <li><span class="swatch eccn-none" aria-hidden="true">●</span>not 3A090</li>
                <li>hollow: not marketed for datacenters</li>
              </ul>
              {unplotted.length > 0 && (
                <p class="hint">Not plotted (TPP or die area unknown): {unplotted.map((c, i) => <>{i > 0 && ', '}<a href={href(`chips/${c.id}`)}>{c.name}</a></>)}.</p>
              )}
            </>
          );
        }}
      </Status>
    </>
  );
}

function Rect({ x0, x1, y0, y1, cls }: { x0: number; x1: number; y0: number; y1: number; cls: string }) {
  return <rect class={cls} x={clampX(x0)} width={clampX(x1) - clampX(x0)} y={clampY(y1)} height={clampY(y0) - clampY(y1)} />;
}

function Regions({ t }: { t: Thresholds }) {
  const top = yDomain[1];
  const right = xDomain[1];
  if (t.a && t.b) {
    const { a1Tpp, a2Tpp, a2Pd } = t.a.value;
    const b = t.b.value;
    return (
      <g>
        <Rect cls="region-b" x0={b.b1TppMin} x1={Math.min(b.b1TppMax, a1Tpp)} y0={b.b1PdMin} y1={b.b1PdMax} />
        <Rect cls="region-b" x0={b.b2Tpp} x1={a1Tpp} y0={b.b2PdMin} y1={b.b2PdMax} />
        <Rect cls="region-a" x0={a1Tpp} x1={right} y0={yDomain[0]} y1={top} />
        <Rect cls="region-a" x0={a2Tpp} x1={a1Tpp} y0={a2Pd} y1={top} />
        <text class="region-label" x={clampX(a1Tpp) + 8} y={m.t + 16}>3A090.a</text>
        <text class="region-label" x={clampX(b.b2Tpp) + 4} y={clampY(b.b1PdMin) - 6}>3A090.b</text>
      </g>
    );
  }
  if (t.a2022) {
    return (
      <g>
        <Rect cls="region-a2022" x0={t.a2022.value.tpp} x1={right} y0={yDomain[0]} y1={top} />
        <text class="region-label" x={clampX(t.a2022.value.tpp) + 8} y={m.t + 16}>3A090.a if interconnect ≥ {t.a2022.value.bidirectionalGBs} GB/s</text>
      </g>
    );
  }
  return null;
}

function Lines() {
  return (
    <g class="law-lines">
      {line2022 && (
        <g>
          <line x1={lx(line2022.value.tpp)} x2={lx(line2022.value.tpp)} y1={m.t} y2={H - m.b} />
          <text x={lx(line2022.value.tpp) - 4} y={H - m.b - 8} text-anchor="end">2022: TPP {line2022.value.tpp.toLocaleString('en-US')}</text>
        </g>
      )}
      {line2026 && (
        <g>
          <line x1={lx(line2026.value.tppBelow)} x2={lx(line2026.value.tppBelow)} y1={m.t} y2={H - m.b} />
          <text x={lx(line2026.value.tppBelow) + 4} y={H - m.b - 8}>2026 China lane: TPP &lt; {line2026.value.tppBelow.toLocaleString('en-US')}</text>
        </g>
      )}
    </g>
  );
}

function Axes() {
  const xt = [1_000, 10_000, 100_000, 1_000_000];
  const yt = [1, 2, 5, 10, 20, 50, 100];
  return (
    <g class="axes">
      {xt.map((v) => <g key={v}><line class="grid" x1={lx(v)} x2={lx(v)} y1={m.t} y2={H - m.b} /><text x={lx(v)} y={H - m.b + 16} text-anchor="middle">{v.toLocaleString('en-US')}</text></g>)}
      {yt.map((v) => <g key={v}><line class="grid" x1={m.l} x2={W - m.r} y1={ly(v)} y2={ly(v)} /><text x={m.l - 6} y={ly(v) + 4} text-anchor="end">{v}</text></g>)}
      <text x={(W + m.l) / 2} y={H - 6} text-anchor="middle" class="axis-title">Total processing performance (TPP, log scale)</text>
      <text transform={`translate(14 ${(H - m.b + m.t) / 2}) rotate(-90)`} text-anchor="middle" class="axis-title">Performance density (TPP/mm², log)</text>
    </g>
  );
}

const shortName = (c: Chip) => c.name.replace(new RegExp(`^${c.vendor}\\s+`, 'i'), '');

interface Label { x: number; y: number; anchor: 'start' | 'end' | 'middle'; text: string }
type Box = [x0: number, y0: number, x1: number, y1: number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Chips with the same TPP and density sit side by side (each stays clickable) under one shared label. Each label goes
 * right, left, above or below where it hits no other label or point; one that fits nowhere is left off (the point's
 * tooltip and aria-label still name it). */
function layoutPoints(chips: Chip[]): { dx: Map<string, number>; labels: Map<string, Label> } {
  const spots = new Map<string, Chip[]>();
  for (const c of chips) {
    const spot = `${Math.round(lx(c.tpp!))},${Math.round(ly(c.performanceDensity!))}`;
    spots.set(spot, [...(spots.get(spot) ?? []), c]);
  }
  const dx = new Map<string, number>();
  for (const group of spots.values()) group.forEach((c, i) => dx.set(c.id, (i - (group.length - 1) / 2) * 12));
  const taken: Box[] = chips.map((c) => [lx(c.tpp!) + dx.get(c.id)! - 6, ly(c.performanceDensity!) - 6, lx(c.tpp!) + dx.get(c.id)! + 6, ly(c.performanceDensity!) + 6]);
  const labels = new Map<string, Label>();
  for (const group of spots.values()) {
    const x = lx(group[0].tpp!);
    const y = ly(group[0].performanceDensity!);
    const half = 8 + (group.length - 1) * 6;
    // All the names if they fit, else the first and how many more.
    const texts = [group.map(shortName).join(' / '), ...(group.length > 1 ? [`${shortName(group[0])} +${group.length - 1}`] : [])];
    const options: [Label, Box][] = texts.flatMap((text) => {
      const w = text.length * 5.8;
      return [
        [{ x: x + half, y: y + 4, anchor: 'start', text }, [x + half, y - 6, x + half + w, y + 5]],
        [{ x: x - half, y: y + 4, anchor: 'end', text }, [x - half - w, y - 6, x - half, y + 5]],
        [{ x, y: y - 9, anchor: 'middle', text }, [x - w / 2, y - 19, x + w / 2, y - 8]],
        [{ x, y: y + 17, anchor: 'middle', text }, [x - w / 2, y + 7, x + w / 2, y + 18]],
      ] satisfies [Label, Box][];
    });
    const fit = options.find(([, b]) => b[0] >= m.l && b[2] <= W - m.r && b[1] >= m.t && b[3] <= H - m.b && !taken.some((t) => overlaps(t, b)));
    if (fit) {
      labels.set(group[0].id, fit[0]);
      taken.push(fit[1]);
    }
  }
  return { dx, labels };
}

function Point({ c, dx, label }: { c: Chip; dx: number; label?: Label }) {
  const x = lx(c.tpp!) + dx;
  const y = ly(c.performanceDensity!);
  const cls = c.eccn?.startsWith('3A090.a') || c.eccn?.startsWith('4A090.a') ? 'eccn-a' : c.eccn ? 'eccn-b' : 'eccn-none';
  const shape = cls === 'eccn-a' ? <rect x={x - 5} y={y - 5} width={10} height={10} /> : cls === 'eccn-b' ? <path d={`M${x},${y - 6}L${x + 6},${y + 5}L${x - 6},${y + 5}Z`} /> : <circle cx={x} cy={y} r={5} />;
  return (
    <a href={href(`chips/${c.id}`)} class={`point ${cls}${c.marketedForDatacenter ? '' : ' hollow'}`} aria-label={`${c.name}: TPP ${c.tpp}, PD ${c.performanceDensity}, ${c.eccn ?? 'not 3A090'}`} data-chip={c.id}>
      {shape}
      {label && <text x={label.x} y={label.y} text-anchor={label.anchor}>{label.text}</text>}
      <title>{`${c.name}\nTPP ${c.tpp?.toLocaleString('en-US')} · PD ${c.performanceDensity} · ${c.eccn ?? 'not 3A090'}`}</title>
    </a>
  );
}
