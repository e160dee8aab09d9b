// Map: every destination coloured by Country Group, AI Diffusion tier or "licence needed for this chip", on a date.
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import codesUrl from 'i18n-iso-countries/codes.json?url';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { getChips, lines, getCountries, getRules, type Country, type Determination } from './api.js';
import { answerLine, tone, toneSymbol, type Tone } from './answer.js';
import { useLoad } from './hooks.js';
import { navigate, type Route } from './route.js';
import { Status } from './Status.js';
import { Legend } from './TimelinePage.js';
import { today } from './TxForm.js';

type Mode = 'groups' | 'tier' | 'licence';
const W = 960;
const H = 470;
const small = ['MO', 'HK', 'SG', 'BH'];

/** Country shapes keyed by ISO alpha-2 (world-atlas ids are ISO numeric codes). */
async function loadShapes(): Promise<{ iso2: string | null; d: string; name: string }[]> {
  const [world, codes] = await Promise.all([fetch(worldUrl).then((r) => r.json()), fetch(codesUrl).then((r) => r.json())]) as [Topology<{ countries: GeometryCollection<{ name: string }> }>, string[][]];
  const byNumeric = new Map(codes.map(([a2, , num]) => [num, a2]));
  const fc = feature(world, world.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features = fc.features.filter((f) => f.id !== '010'); // Antarctica: not a destination, and half the map
  const projection = geoEqualEarth().fitSize([W, H], { type: 'FeatureCollection', features } as FeatureCollection);
  const path = geoPath(projection);
  return features.map((f: Feature<Geometry, { name: string }>) => ({ iso2: byNumeric.get(String(f.id)) ?? null, d: path(f) ?? '', name: f.properties.name }));
}

/** The most telling group of a destination, for colouring (the hover and the list give all of them). */
const groupClasses: [key: string, label: string, test: (g: string[]) => boolean][] = [
  ['e', 'E:1 / E:2', (g) => g.includes('E:1') || g.includes('E:2')],
  ['d5', 'D:5', (g) => g.includes('D:5')],
  ['d14', 'D:1 or D:4', (g) => g.includes('D:1') || g.includes('D:4')],
  ['a5', 'A:5', (g) => g.includes('A:5')],
  ['a6', 'A:6', (g) => g.includes('A:6')],
  ['d23', 'D:2 or D:3 only', (g) => g.includes('D:2') || g.includes('D:3')],
  ['b', 'B only', (g) => g.includes('B')],
  ['none', 'None of these', () => true],
];
const groupClass = (g: string[]) => groupClasses.find(([, , t]) => t(g))![0];

function categoryOf(mode: Mode, c: Country, licence: Map<string, Determination> | undefined): string {
  if (mode === 'groups') return `g-${groupClass(c.groups)}`;
  if (mode === 'tier') return `t-${c.tier ?? 'none'}`;
  const d = licence?.get(c.iso2);
  return d ? `fill-${tone(d.licenseRequired, d.reviewPolicy)}` : 'g-none';
}

/** "Licence needed for this chip": one determination per destination, in one POST /v1/batch. */
async function licenceMap(chip: string, date: string, iso2s: string[]): Promise<Map<string, Determination>> {
  const body = iso2s.map((to) => JSON.stringify({ chip, to, date })).join('\n');
  const answers = await lines<{ row: number; determination?: Determination }>('/v1/batch', { body, contentType: 'application/x-ndjson' });
  const out = new Map<string, Determination>();
  for (const a of answers) if (a.determination) out.set(iso2s[a.row - 1], a.determination);
  return out;
}

export function MapPage({ route }: { route: Route }) {
  const p = route.params;
  const date = p.get('date') ?? today();
  const mode = (p.get('mode') ?? 'groups') as Mode;
  const chip = p.get('chip') ?? 'nvidia-h800-sxm5';
  const selected = p.get('c');
  const go = (change: Record<string, string | undefined>) => navigate('map', { date, mode, chip, c: selected ?? undefined, ...change }, true);

  const shapes = useLoad('world', loadShapes);
  const rules = useLoad('rules', getRules);
  const chips = useLoad('chips', () => getChips());
  const countries = useLoad(date, () => getCountries(date));
  const licence = useLoad(mode === 'licence' && countries.state === 'done' ? `${chip}@${date}` : null, () =>
    licenceMap(chip, date, countries.state === 'done' ? countries.data.countries.map((c) => c.iso2) : []),
  );
  const [hover, setHover] = useState<string | null>(null);
  const byIso = useMemo(() => new Map(countries.state === 'done' ? countries.data.countries.map((c) => [c.iso2, c]) : []), [countries]);
  const licenceData = licence.state === 'done' ? licence.data : undefined;
  const shown = byIso.get(hover ?? selected ?? '');

  return (
    <section aria-labelledby="map-title">
      <h1 id="map-title">Map</h1>
      <div class="map-controls">
        <label>
          Colour by
          <select value={mode} onChange={(e) => go({ mode: e.currentTarget.value })}>
            <option value="groups">Country Group</option>
            <option value="tier">AI Diffusion tier</option>
            <option value="licence">Licence needed for a chip</option>
          </select>
        </label>
        {mode === 'licence' && (
          <label>
            Chip
            <select value={chip} onChange={(e) => go({ chip: e.currentTarget.value })}>
              {chips.state === 'done' && chips.data.chips.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
        {rules.state === 'done' && <DateSlider date={date} start={rules.data.coverageStart} marks={rules.data.versions.map((v) => v.effective)} onDate={(d) => go({ date: d })} />}
      </div>
      <div class="map-layout">
      <div>
      <Status of={shapes} what="the world map">
        {(s) => (
          <svg class="map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`World map coloured by ${mode} on ${date}`} onMouseLeave={() => setHover(null)}>
            {s.map((f, i) => {
              const c = f.iso2 ? byIso.get(f.iso2) : undefined;
              const cls = c ? categoryOf(mode, c, licenceData) : 'g-none';
              return (
                <path
                  key={i}
                  d={f.d}
                  class={`country ${cls}${c && c.iso2 === selected ? ' selected' : ''}`}
                  onMouseEnter={() => c && setHover(c.iso2)}
                  onClick={() => c && go({ c: c.iso2 })}
                >
                  <title>{c ? `${c.name}: ${c.groups.join(', ') || 'no groups'}` : f.name}</title>
                </path>
              );
            })}
          </svg>
        )}
      </Status>
      {mode === 'licence' && <Status of={licence} what={`the answers for ${chip}`}>{() => null}</Status>}
      <Status of={countries} what="the countries">{() => null}</Status>
      </div>
      <div class="map-side">
        {shown && <CountryInfo c={shown} date={date} d={licenceData?.get(shown.iso2)} />}
        <div class="country-pick">
          <p>Small territories:{' '}
            {small.map((iso) => <button type="button" key={iso} class="chip-button" onClick={() => go({ c: iso })}>{byIso.get(iso)?.name ?? iso}</button>)}
          </p>
          <label>
            Any destination
            <select value={selected ?? ''} onChange={(e) => go({ c: e.currentTarget.value || undefined })}>
              <option value="">Choose…</option>
              {[...byIso.values()].sort((a, b) => a.name.localeCompare(b.name)).map((c) => <option key={c.iso2} value={c.iso2}>{c.name}</option>)}
            </select>
          </label>
        </div>
        <MapLegend mode={mode} />
      </div>
      </div>
    </section>
  );
}

function DateSlider({ date, start, marks, onDate }: { date: string; start: string; marks: string[]; onDate: (d: string) => void }) {
  const t0 = Date.parse(start);
  const days = Math.round((Date.parse(today()) - t0) / 86_400_000);
  const toDate = (n: number) => new Date(t0 + n * 86_400_000).toISOString().slice(0, 10);
  const index = Math.round((Date.parse(date) - t0) / 86_400_000);
  const [shown, setShown] = useState(date);
  useEffect(() => setShown(date), [date]);
  // Dragging replays the map as it goes, a moment after the slider stops moving.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const slide = (d: string) => {
    setShown(d);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onDate(d), 150);
  };
  const prev = [...marks].reverse().find((m) => m < date);
  const next = marks.find((m) => m > date);
  return (
    <div class="slider">
      <label>
        Date <output data-testid="map-date">{shown}</output>
        <input
          type="range" min={0} max={days} step={1} value={index} list="version-dates" aria-valuetext={shown}
          onInput={(e) => slide(toDate(Number(e.currentTarget.value)))}
        />
      </label>
      <datalist id="version-dates">{marks.map((m) => <option key={m} value={Math.round((Date.parse(m) - t0) / 86_400_000)} />)}</datalist>
      <span class="slider-steps">
        <button type="button" disabled={!prev} onClick={() => prev && onDate(prev)} title="previous rule version">◀ {prev ?? ''}</button>
        <button type="button" disabled={!next} onClick={() => next && onDate(next)} title="next rule version">{next ?? ''} ▶</button>
      </span>
    </div>
  );
}

function MapLegend({ mode }: { mode: Mode }) {
  if (mode === 'licence') return <Legend />;
  const items: [string, string][] = mode === 'groups' ? groupClasses.map(([k, label]) => [`g-${k}`, label]) : [['t-1', 'Tier 1'], ['t-2', 'Tier 2'], ['t-3', 'Tier 3'], ['t-none', 'No tier (outside the AI Diffusion dates)']];
  return (
    <ul class="legend">
      {items.map(([cls, label]) => <li key={cls}><svg width="16" height="16" aria-hidden="true"><rect class={cls} width="16" height="16" /></svg>{label}</li>)}
    </ul>
  );
}

function CountryInfo({ c, date, d }: { c: Country; date: string; d?: Determination }) {
  const t: Tone | null = d ? tone(d.licenseRequired, d.reviewPolicy) : null;
  return (
    <div class="country-info" data-testid="country-info" aria-live="polite">
      <h2>{c.name} ({c.iso2})</h2>
      <p>On {date}: Country Groups <strong data-testid="country-groups">{c.groups.join(', ') || 'none'}</strong>; AI Diffusion tier {c.tier ?? 'none'}{c.treatedAs ? `; treated as ${c.treatedAs}` : ''}.</p>
      {c.changedOn && <p class="hint">Last change {c.changedOn}: {c.change}</p>}
      {d && t && <p><span class={`swatch tone-${t}`} aria-hidden="true">{toneSymbol[t]}</span> {answerLine(d.licenseRequired, d.reviewPolicy, d.licenseExceptions)}</p>}
    </div>
  );
}
