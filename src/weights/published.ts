import type { Confidence } from '../findings.js';
import type { ModelRecord } from './catalog.js';

/** Whether a model's weights are published (15 CFR 734.7) and from when. */
export interface Publication {
  readonly published: boolean;
  /** Date the weights became public, when published. */
  readonly on: string | null;
  /** Id of the published model it was derived from (Note 1 to 4E091), when catalogued. */
  readonly derivedFrom?: string;
  readonly basis: string;
  readonly confidence: Confidence;
}

const open = (on: string, basis: string, confidence: Confidence = 'high', derivedFrom?: string): Publication => ({
  published: true, on, basis, confidence, ...(derivedFrom ? { derivedFrom } : {}),
});
const closed = (basis: string, confidence: Confidence = 'high'): Publication => ({ published: false, on: null, basis, confidence });
const api = 'served through an API or product only; no weights released';

/** data/catalog/models.json has no open/closed field, so earmark reads it from each record's weight
 * repository and licence as known on 2026-11-28. A `weights` field in the record takes precedence. */
const table: Readonly<Record<string, Publication>> = {
  'deepseek-v3': open('2024-12-26', 'weights on Hugging Face (deepseek-ai/DeepSeek-V3) with the technical report'),
  'deepseek-r1': open('2025-01-20', 'weights on Hugging Face (deepseek-ai/DeepSeek-R1), MIT licence', 'high', 'deepseek-v3'),
  'deepseek-v3.1': open('2025-08-21', 'weights on Hugging Face (deepseek-ai/DeepSeek-V3.1)', 'high', 'deepseek-v3'),
  'deepseek-v3.2': open('2025-12-01', 'weights on Hugging Face (deepseek-ai/DeepSeek-V3.2)', 'medium', 'deepseek-v3'),
  'deepseek-v4-pro': open('2026-04-24', 'weights and report on Hugging Face (deepseek-ai/DeepSeek-V4-Pro), per the record', 'medium'),
  'gpt-3-175b': closed(api),
  'gpt-4': closed(api),
  'gpt-4o': closed(api),
  'gpt-4.5': closed(api),
  'gpt-5': closed(api),
  'gpt-oss-120b': open('2025-08-05', 'open weights under Apache 2.0 (the record says "open weights")'),
  'llama-2-70b': open('2023-07-18', 'downloadable weights under the Llama 2 community licence'),
  'llama-3-70b': open('2024-04-18', 'downloadable weights under the Llama 3 community licence'),
  'llama-3.1-405b': open('2024-07-23', 'downloadable weights under the Llama 3.1 community licence'),
  'llama-4-behemoth-preview': closed('announced as a preview and never released (the record says "unreleased")'),
  'grok-2': open('2025-08-23', 'xAI released the Grok 2.5 weights on Hugging Face (xai-org/grok-2) in August 2025; closed before', 'medium'),
  'grok-3': closed(api, 'medium'),
  'grok-4': closed(api),
  'gemini-1.0-ultra': closed(api),
  'gemini-2.5-pro': closed(api),
  'gemini-3-pro': closed(api),
  'claude-3-opus': closed(api),
  'claude-3.5-sonnet': closed(api),
  'claude-3.7-sonnet': closed(api),
  'claude-opus-4': closed(api),
  'mistral-large-2': open('2024-07-24', 'downloadable weights under the Mistral Research Licence (non-commercial): whether that is "published" under 734.7 is a reading', 'low'),
  'qwen2.5-72b': open('2024-09-19', 'downloadable weights under the Qwen licence'),
  'qwen3-235b-a22b': open('2025-04-29', 'weights under Apache 2.0'),
  'qwen3-max': closed(api),
  'kimi-k2': open('2025-07-11', 'weights under a modified MIT licence'),
  'kimi-k2.5': open('2026-02-02', 'weights under a modified MIT licence', 'medium'),
  'glm-4.5': open('2025-08-05', 'weights under MIT'),
  'glm-5': open('2026-02-17', 'weights released with the report', 'medium'),
  'pangu-ultra': closed('technical report only; weights not released', 'medium'),
  'minimax-m1': open('2025-06-13', 'weights under Apache 2.0'),
  'nemotron-4-340b': open('2024-06-14', 'weights under the NVIDIA Open Model Licence'),
  'inflection-2': closed(api),
};

/** How a catalogued model's weights stand: the record's own field, else earmark's table, else unknown
 * (treated as unpublished, the reading that can only over-control, and said so). */
export function publicationOf(m: ModelRecord): Publication {
  if (m.weights) return { published: m.weights.published, on: m.weights.on ?? null, basis: m.weights.basis, confidence: 'high' };
  return table[m.id] ?? closed('no publication found in the record; treated as unpublished', 'low');
}

/** True when the weights were public on `date` (published weights before their release were not). */
export function publishedOn(p: Publication, date: string): boolean {
  return p.published && p.on !== null && p.on <= date;
}
