import type { IsoDate } from '../dates.js';
import type { Law } from '../law/law.js';
import type { View } from '../law/versions.js';
import { check, type Determination } from '../licensing/determine.js';
import type { Transaction } from '../licensing/transaction.js';
import { type BuyerDetermination, type ScreeningService, buyerFindings, screen } from '../screening/index.js';

/** The screening of a buyer on a date, as the determination takes it. */
export type BuyerScreen = (name: string, date: IsoDate) => BuyerDetermination;

export const screenBuyer = (service: ScreeningService): BuyerScreen => (name, date) => buyerFindings(screen(service, name, { date }), date);

/** For an order book, where the lines of one order share their buyer and date: the last few thousand
 * screenings are kept, so each (buyer, date) is screened once while it keeps coming back. */
export function rememberedScreen(service: ScreeningService, size = 4096): BuyerScreen {
  const seen = new Map<string, BuyerDetermination>();
  const fresh = screenBuyer(service);
  return (name, date) => {
    const key = `${date}\u0000${name}`;
    let found = seen.get(key);
    if (found) return found;
    found = fresh(name, date);
    if (seen.size >= size) seen.delete(seen.keys().next().value!);
    seen.set(key, found);
    return found;
  };
}

/** What earmark check does with a validated transaction: screens the buyer against the lists in
 * service (when there is a buyer), then determines. The server and the batch both come here. */
export function decide(law: Law, screenOf: BuyerScreen, tx: Transaction, view: View | 'both'): Determination {
  return check(law, tx, view, tx.buyer ? screenOf(tx.buyer, tx.date) : undefined);
}
