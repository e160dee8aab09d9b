import type { Confidence } from '../findings.js';
import { readData } from '../data/files.js';
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

let table: Readonly<Record<string, Publication>> | undefined;

/** data/catalog/model-weights.yaml: earmark's reading of each catalogued model's weight repository and
 * licence (models.json has no open/closed field), read once. */
function readings(): Readonly<Record<string, Publication>> {
  table ??= Object.fromEntries(
    Object.entries(readData<Record<string, Omit<Publication, 'on'> & { on?: string }>>('catalog', 'model-weights.yaml')).map(([id, p]) => [id, { ...p, on: p.on ? String(p.on) : null }]),
  );
  return table;
}

/** How a catalogued model's weights stand: the record's own field, else earmark's table, else unknown
 * (treated as unpublished, the reading that can only over-control, and said so). */
export function publicationOf(m: ModelRecord): Publication {
  if (m.weights) return { published: m.weights.published, on: m.weights.on ?? null, basis: m.weights.basis, confidence: 'high' };
  return readings()[m.id] ?? { published: false, on: null, basis: 'no publication found in the record; treated as unpublished', confidence: 'low' };
}

/** True when the weights were public on `date` (published weights before their release were not). */
export function publishedOn(p: Publication, date: string): boolean {
  return p.published && p.on !== null && p.on <= date;
}
