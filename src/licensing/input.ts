import { type IsoDate, parseDate } from '../dates.js';
import { InputError } from '../errors.js';
import type { Item } from '../chips/catalog.js';
import type { Law } from '../law/law.js';
import type { Transaction } from './transaction.js';

/** The transaction fields as a user gives them (CLI options, API body, batch row), before validation. */
export interface TransactionInput {
  to?: string;
  date?: string;
  quantity?: number;
  buyer?: string;
  buyerHq?: string;
  parentHq?: string;
  vendor?: string;
  exportFrom?: string;
  owner?: string;
  ownerShare?: number;
  trainsFor?: string;
}

const control = /[\u0000-\u001f\u007f]/;

function text(field: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (control.test(t)) throw new InputError(field, 'must not contain control characters');
  if (t.length > 300) throw new InputError(field, 'must be 300 characters or fewer');
  return t || undefined;
}

/** Validates and resolves a transaction: countries to ISO codes, defaults filled in (quantity 1,
 * export from US, buyer headquartered at the destination). `today` is the date when none is given. */
export function transactionFrom(law: Law, item: Item, input: TransactionInput, today: IsoDate): Transaction {
  if (!input.to) throw new InputError('to', 'the destination is required (an ISO country code such as CN)');
  const to = law.countries.resolve(input.to, 'to').iso2;
  const quantity = input.quantity ?? 1;
  const owner = text('owner', input.owner);
  if (owner !== undefined && input.ownerShare === undefined) throw new InputError('owner-share', 'give the owner\'s share of the buyer in percent (0-100) with --owner');
  if (input.ownerShare !== undefined && !(input.ownerShare >= 0 && input.ownerShare <= 100)) throw new InputError('owner-share', `must be a percentage from 0 to 100, got ${input.ownerShare}`);
  if (!Number.isInteger(quantity) || quantity < 1) throw new InputError('quantity', `must be a whole number of 1 or more, got ${quantity}`);
  return {
    item,
    to,
    date: input.date ? parseDate(input.date) : today,
    quantity,
    buyer: text('buyer', input.buyer),
    buyerHq: input.buyerHq ? law.countries.resolve(input.buyerHq, 'buyer-hq').iso2 : to,
    parentHq: input.parentHq ? law.countries.resolve(input.parentHq, 'parent-hq').iso2 : undefined,
    vendor: text('vendor', input.vendor),
    exportFrom: input.exportFrom ? law.countries.resolve(input.exportFrom, 'export-from').iso2 : 'US',
    ...(owner !== undefined ? { owner, ownerShare: input.ownerShare } : {}),
    ...(input.trainsFor ? { trainsFor: law.countries.resolve(input.trainsFor, 'trains-for').iso2 } : {}),
  };
}
