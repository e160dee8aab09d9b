import type { IsoDate } from '../dates.js';
import type { Item } from '../chips/catalog.js';

/** One export, reexport or transfer to be decided: what, to where, to whom, from where, when. */
export interface Transaction {
  readonly item: Item;
  /** Destination, ISO alpha-2 as resolved by Countries.resolve. */
  readonly to: string;
  readonly date: IsoDate;
  /** Number of items (ICs, computers or stacks). */
  readonly quantity: number;
  readonly buyer?: string;
  /** Where the buyer is headquartered; defaults to the destination. */
  readonly buyerHq: string;
  /** Where the buyer's ultimate parent is headquartered, when it has one. */
  readonly parentHq?: string;
  /** The exporter: is-informed letters bind only the company named here. */
  readonly vendor?: string;
  /** Country the item leaves from: US for an export, anything else makes it a reexport. */
  readonly exportFrom: string;
  /** Where the party is headquartered for which the items will train AI models, when known (IaaS, rented clusters). */
  readonly trainsFor?: string;
  /** A party that owns part of the buyer, and its share in percent (the Affiliates rule). */
  readonly owner?: string;
  readonly ownerShare?: number;
}
