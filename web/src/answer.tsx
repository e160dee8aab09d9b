// How an answer reads and looks everywhere: one line, a tone that never relies on colour alone, findings with citations.
import type { Determination, Finding } from './api.js';

/** The four kinds of answer; each has a colour (Okabe-Ito, safe for colour blindness), a symbol and a word. */
export type Tone = 'free' | 'licence' | 'deny' | 'unknown';

export function tone(licenseRequired: boolean | null, policy: string | null): Tone {
  if (licenseRequired === null) return 'unknown';
  if (!licenseRequired) return 'free';
  return policy && /denial/.test(policy) ? 'deny' : 'licence';
}

export const toneSymbol: Record<Tone, string> = { free: '✓', licence: '!', deny: '✕', unknown: '?' };

export function policyLabel(policy: string | null): string {
  return policy ? policy.replace(/-/g, ' ') : '';
}

/** "Licence required — presumption of denial; no licence exceptions", the one-line answer. */
export function answerLine(licenseRequired: boolean | null, policy: string | null, exceptions: string[]): string {
  if (licenseRequired === null) return 'Indeterminate — see the findings';
  if (!licenseRequired) return 'No licence required';
  const ex = exceptions.length ? `licence exceptions: ${exceptions.join(', ')}` : 'no licence exceptions';
  return `Licence required${policy ? ` — ${policyLabel(policy)}` : ''}; ${ex}`;
}

/** The eCFR page of a 15 CFR citation as it read on `date` (null when the citation is not to 15 CFR). */
export function ecfrUrl(citation: string, date: string): string | null {
  const base = `https://www.ecfr.gov/on/${date}/title-15`;
  const supp = /15 CFR (\d+),? Supp(?:lement)?\.? No\. (\d+)/i.exec(citation);
  if (supp) return `${base}/part-${supp[1]}/appendix-${encodeURIComponent(`Supplement No. ${supp[2]} to Part ${supp[1]}`)}`;
  const section = /15 CFR (\d+\.\d+)/.exec(citation);
  if (section) return `${base}/section-${section[1]}`;
  const part = /15 CFR (?:part )?(\d+)/i.exec(citation);
  return part ? `${base}/part-${part[1]}` : null;
}

export function Headline({ d }: { d: Determination }) {
  const t = tone(d.licenseRequired, d.reviewPolicy);
  const item = d.item;
  return (
    <div class={`answer tone-${t}`} data-testid="answer">
      <p class="answer-line">
        <span class="symbol" aria-hidden="true">{toneSymbol[t]}</span>
        <strong data-testid="answer-line">{answerLine(d.licenseRequired, d.reviewPolicy, d.licenseExceptions)}</strong>
      </p>
      <p class="answer-meta">
        {item.id} · {item.eccn ?? 'not 3A090/4A090'} · TPP {item.tpp?.toLocaleString('en-US') ?? 'unknown'} · PD {item.performanceDensity ?? 'unknown'} ·
        on {d.date} under rule version <code>{d.ruleVersion}</code> · {d.view} view · confidence {d.confidence}
      </p>
    </div>
  );
}

export function Findings({ findings, date }: { findings: Finding[]; date: string }) {
  return (
    <ol class="findings">
      {findings.map((f, i) => {
        const url = ecfrUrl(f.citation, date);
        return (
          <li key={i}>
            <p>{f.text}</p>
            <p class="finding-meta">
              {url ? <a href={url} target="_blank" rel="noreferrer">{f.citation}</a> : <span>{f.citation}</span>}
              <span class={`confidence c-${f.confidence}`}>confidence {f.confidence}</span>
              <span>rule {f.rule}</span>
              <span class="source">source: {f.source}</span>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
