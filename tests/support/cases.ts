import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { law } from '../../src/law/law.js';
import { itemFrom, type ItemOptions } from '../../src/cli/item-options.js';
import { transactionFrom, type TransactionInput } from '../../src/licensing/input.js';
import type { Transaction } from '../../src/licensing/transaction.js';

export function readCases<T>(file: string): T {
  return parse(readFileSync(join(import.meta.dirname, '..', 'cases', file), 'utf8')) as T;
}

/** A transaction from a case's input, through the same validation as the CLI and the API. */
export function tx(input: ItemOptions & TransactionInput, date: string): Transaction {
  const l = law();
  return transactionFrom(l, itemFrom(l, input), { ...input, date }, date);
}
