// Restricted-party screening: the integration API that `check --buyer` and the server call.
import { dataDir } from '../config.js';
import { type ScreeningService, loadInService, serviceFor } from './service.js';

export { screen, defaultThreshold, reviewBand } from './service.js';
export type { ScreeningService, ScreenOptions, ScreenResult, Hit, HitStatus } from './service.js';
export { buyerFindings, reviewPolicyOf } from './buyer.js';
export type { BuyerDetermination, ReviewPolicy } from './buyer.js';
export type { Party, Snapshot } from './party.js';

const cache = new Map<string, ScreeningService>();

/** The screening service for a data directory: the newest valid snapshot (imported under <dataDir>/lists/,
 * else the bundled default) and its index, built once per process. A damaged imported snapshot is passed
 * over and named in `problems`; this never throws for one. */
export function openScreening(env: Readonly<Record<string, string | undefined>>, dataDirFlag?: string): ScreeningService {
  const dir = dataDir(env, dataDirFlag);
  let service = cache.get(dir);
  if (!service) {
    const { snapshot, problems } = loadInService(dir);
    service = serviceFor(snapshot, problems);
    cache.set(dir, service);
  }
  return service;
}

/** Forgets the cached service for a data directory (after `lists import` or `lists update` changed it). */
export function reopenScreening(env: Readonly<Record<string, string | undefined>>, dataDirFlag?: string): void {
  cache.delete(dataDir(env, dataDirFlag));
}
