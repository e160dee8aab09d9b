import type { Law } from '../law/law.js';
import type { View } from '../law/versions.js';
import { check, type Determination } from '../licensing/determine.js';
import type { Transaction } from '../licensing/transaction.js';
import { type ScreeningService, buyerFindings, screen } from '../screening/index.js';

/** What earmark check does with a validated transaction: screens the buyer against the lists in
 * service (when there is a buyer), then determines. The server and the batch both come here. */
export function decide(law: Law, screening: ScreeningService, tx: Transaction, view: View | 'both'): Determination {
  const buyer = tx.buyer ? buyerFindings(screen(screening, tx.buyer, { date: tx.date }), tx.date) : undefined;
  return check(law, tx, view, buyer);
}
