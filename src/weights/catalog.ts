import { distance } from 'fastest-levenshtein';
import { readData } from '../data/files.js';
import { InputError } from '../errors.js';

/** One published compute estimate of a training run, as data/catalog/models.json stores it. */
export interface ModelEstimate {
  readonly flop: number | null;
  readonly method: string;
  readonly source?: string;
}

/** A training run in data/catalog/models.json (fields the weights and compute code read). */
export interface ModelRecord {
  readonly id: string;
  readonly name: string;
  readonly developer: string;
  readonly country: string;
  readonly releaseDate: string;
  readonly architecture: string;
  readonly parametersTotal: number | null;
  readonly parametersActive: number | null;
  readonly baseModel?: string;
  readonly trainingTokens: number | null;
  readonly trainingPrecision?: string;
  readonly hardware: { readonly type: string; readonly chipId: string | null; readonly count: number | null; readonly note?: string } | null;
  readonly gpuHours: { readonly total: number | null; readonly byStage?: Readonly<Record<string, number>>; readonly estimate?: number; readonly note?: string } | null;
  readonly cost: { readonly usd: number | null; readonly byStage?: Readonly<Record<string, number>>; readonly basis?: string; readonly epochCost2023Usd?: number; readonly note?: string } | null;
  readonly trainingCompute: { readonly flop: number | null; readonly chosen: string | null; readonly estimates: readonly ModelEstimate[] };
  readonly utilization?: number;
  readonly confidence: string;
  readonly sources: readonly string[];
  /** Whether the weights are published; models.json has no such field yet (see published.ts). */
  readonly weights?: { readonly published: boolean; readonly on?: string; readonly basis: string };
}

interface ModelFile {
  readonly description: string;
  readonly basis: string;
  readonly asOf: string;
  readonly models: readonly ModelRecord[];
}

let file: ModelFile | undefined;

/** The bundled model catalog, read once on first use. */
export function modelCatalog(): ModelFile {
  file ??= readData<ModelFile>('catalog', 'models.json');
  return file;
}

/** A catalogued model by its id (any case); otherwise an InputError naming the closest ids. */
export function resolveModel(input: string): ModelRecord {
  const key = input.trim().toLowerCase();
  const models = modelCatalog().models;
  const hit = models.find((m) => m.id === key);
  if (hit) return hit;
  const near = models.map((m) => m.id).sort((a, b) => distance(key, a) - distance(key, b)).slice(0, 5);
  throw new InputError('model', `unknown model "${input}"; closest ids: ${near.join(', ')}`, near);
}
