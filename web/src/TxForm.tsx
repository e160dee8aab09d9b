// The transaction form shared by the check and timeline pages: item (catalog chip or specs), parties, date and view.
import { useEffect, useState } from 'preact/hooks';
import { getChips, getCountries, type Chip, type Country } from './api.js';

interface Props {
  /** The parameters the form starts from (the page's URL). */
  initial: Record<string, string>;
  withDate: boolean;
  views: string[];
  submitLabel: string;
  onSubmit: (tx: Record<string, string>) => void;
}

const specFields: [key: string, label: string, hint: string][] = [
  ['tpp', 'TPP', 'bit length × dense TOPS'],
  ['dieArea', 'Die area (mm²)', 'applicable die area'],
  ['interconnect', 'Interconnect (GB/s)', 'aggregate bidirectional'],
  ['memoryBandwidth', 'Memory bandwidth (GB/s)', 'total DRAM'],
  ['hbmDensity', 'HBM density (GB/s/mm²)', 'stand-alone HBM only'],
];

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function TxForm({ initial, withDate, views, submitLabel, onSubmit }: Props) {
  const [v, setV] = useState<Record<string, string>>(() => ({ view: 'enforced', quantity: '1', ...(withDate ? { date: today() } : {}), ...initial }));
  const [mode, setMode] = useState<'chip' | 'specs'>(initial.chip || !(initial.tpp || initial.hbmDensity) ? 'chip' : 'specs');
  const [chips, setChips] = useState<Chip[]>([]);
  const [countries, setCountries] = useState<Country[]>([]);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    getChips().then((c) => setChips(c.chips), (e: Error) => setLoadError(e.message));
    getCountries().then((c) => setCountries([...c.countries].sort((a, b) => a.name.localeCompare(b.name))), (e: Error) => setLoadError(e.message));
  }, []);

  const set = (k: string) => (e: Event) => {
    const t = e.currentTarget as HTMLInputElement;
    setV({ ...v, [k]: t.type === 'checkbox' ? (t.checked ? '1' : '') : t.value });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const out = { ...v };
    for (const [k] of specFields) if (mode === 'chip') delete out[k];
    if (mode === 'chip') delete out.notDatacenter;
    else delete out.chip;
    if (!withDate) delete out.date;
    onSubmit(Object.fromEntries(Object.entries(out).filter(([, x]) => x !== '')));
  };
  const countryOptions = countries.map((c) => <option key={c.iso2} value={c.iso2}>{c.name} ({c.iso2})</option>);

  return (
    <form class="tx-form" onSubmit={submit} aria-label="Transaction">
      {loadError && <p class="error" role="alert">Could not load the catalog: {loadError}</p>}
      <fieldset class="item">
        <legend>Item</legend>
        <div class="radios" role="radiogroup" aria-label="How to give the item">
          <label><input type="radio" name="mode" checked={mode === 'chip'} onChange={() => setMode('chip')} /> Catalog chip</label>
          <label><input type="radio" name="mode" checked={mode === 'specs'} onChange={() => setMode('specs')} /> Enter specs</label>
        </div>
        {mode === 'chip' ? (
          <label class="wide">
            Chip <span class="hint">type to search the catalog</span>
            <input name="chip" list="chip-list" value={v.chip ?? ''} onInput={set('chip')} required autocomplete="off" placeholder="e.g. H800" />
            <datalist id="chip-list">
              {chips.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </datalist>
          </label>
        ) : (
          <div class="grid">
            {specFields.map(([k, label, hint]) => (
              <label key={k}>
                {label} <span class="hint">{hint}</span>
                <input name={k} type="number" step="any" min="0" value={v[k] ?? ''} onInput={set(k)} />
              </label>
            ))}
            <label class="check"><input type="checkbox" name="notDatacenter" checked={v.notDatacenter === '1'} onChange={set('notDatacenter')} /> Not designed or marketed for datacenters</label>
          </div>
        )}
      </fieldset>
      <fieldset class="grid">
        <legend>Where, to whom, when</legend>
        <label>
          Destination
          <select name="to" value={v.to ?? ''} onChange={set('to')} required>
            <option value="">Choose a country…</option>
            {countryOptions}
          </select>
        </label>
        <label>
          Buyer name <span class="hint">screened</span>
          <input name="buyer" value={v.buyer ?? ''} onInput={set('buyer')} autocomplete="off" />
        </label>
        <label>
          Buyer headquarters
          <select name="buyerHq" value={v.buyerHq ?? ''} onChange={set('buyerHq')}>
            <option value="">Same as destination</option>
            {countryOptions}
          </select>
        </label>
        <label>
          Parent headquarters
          <select name="parentHq" value={v.parentHq ?? ''} onChange={set('parentHq')}>
            <option value="">None / unknown</option>
            {countryOptions}
          </select>
        </label>
        <label>
          Quantity
          <input name="quantity" type="number" min="1" step="1" value={v.quantity ?? ''} onInput={set('quantity')} />
        </label>
        {withDate && (
          <label>
            Date
            <input name="date" type="date" min="2022-10-07" value={v.date ?? ''} onInput={set('date')} required />
          </label>
        )}
        <label>
          View
          <select name="view" value={v.view ?? 'enforced'} onChange={set('view')}>
            {views.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </label>
        <label>
          Exported from
          <select name="exportFrom" value={v.exportFrom ?? ''} onChange={set('exportFrom')}>
            <option value="">United States (US)</option>
            {countryOptions}
          </select>
        </label>
        <label>
          Vendor <span class="hint">for is-informed letters</span>
          <input name="vendor" value={v.vendor ?? ''} onInput={set('vendor')} autocomplete="off" />
        </label>
      </fieldset>
      <button type="submit" class="primary">{submitLabel}</button>
    </form>
  );
}
