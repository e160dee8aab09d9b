import type { IsoDate } from '../dates.js';
import type { Law } from '../law/law.js';
import type { View } from '../law/versions.js';
import { check, type Determination } from './determine.js';
import type { Transaction } from './transaction.js';
import { type BuyerDetermination, type ScreeningService, type ScreenResult, buyerFindings, screen } from '../screening/index.js';
import { daysBetween } from '../screening/service.js';

/** The screening of a buyer on a date, as the determination takes it. */
export type BuyerScreen = (name: string, date: IsoDate) => BuyerDetermination;

export const screenBuyer = (service: ScreeningService): BuyerScreen => (name, date) => buyerFindings(screen(service, name, { date }), date);

/** For an order book, where a customer's name comes back on many lines: the last few thousand names'
 * list searches are kept (the search does not depend on the date; only the snapshot's age does), and
 * the findings for a (buyer, date) are kept while the lines of one order follow each other. */
export function rememberedScreen(service: ScreeningService, size = 8192): BuyerScreen {
  const searched = new Map<string, ScreenResult>();
  const decided = new Map<string, BuyerDetermination>();
  return (name, date) => {
    const key = `${date}\u0000${name}`;
    let found = decided.get(key);
    if (found) return found;
    let result = searched.get(name);
    if (!result) remember(searched, name, (result = screen(service, name, { date })), size);
    else if (result.snapshot.ageDays !== daysBetween(result.snapshot.asOf, date)) result = { ...result, snapshot: { ...result.snapshot, ageDays: daysBetween(result.snapshot.asOf, date) } };
    remember(decided, key, (found = buyerFindings(result, date)), size);
    return found;
  };
}

/** Keeps at most `size` entries, forgetting the oldest first. */
function remember<T>(map: Map<string, T>, key: string, value: T, size: number): void {
  if (map.size >= size) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** What earmark check does with a validated transaction: screens the buyer and its owner against the
 * lists in service (when named), then determines. The CLI, the server and the batch all come here. */
export function decide(law: Law, screenOf: BuyerScreen, tx: Transaction, view: View | 'both'): Determination {
  const named = tx.buyer !== undefined || tx.owner !== undefined;
  const screening = named ? { buyer: tx.buyer ? screenOf(tx.buyer, tx.date) : undefined, owner: tx.owner ? screenOf(tx.owner, tx.date) : undefined } : undefined;
  return check(law, tx, view, screening);
}
