import type { IsoDate } from '../dates.js';

/** One restricted party as a list publishes it, whatever the file format it came from. */
export interface Party {
  readonly name: string;
  readonly altNames: readonly string[];
  /** The list's abbreviation (EL, SDN, DPL, UVL, MEU, ...). */
  readonly list: string;
  /** The list's full name as the source writes it. */
  readonly source: string;
  readonly type: string | null;
  /** ISO-2 codes of the countries in the party's addresses. */
  readonly countries: readonly string[];
  readonly entityNumber: string | null;
  readonly licenseRequirement: string | null;
  readonly licensePolicy: string | null;
  readonly federalRegister: string | null;
  readonly programs: readonly string[];
}

/** A dated, content-hashed copy of the lists: what every answer is computed from. */
export interface Snapshot {
  /** Where the data came from (a file name, a URL, "bundled"). */
  readonly source: string;
  readonly format: string;
  readonly asOf: IsoDate;
  /** sha256 of the file as imported, hex. */
  readonly sha256: string;
  readonly parties: readonly Party[];
}

/** A row an import could not use: its 1-based row number in the file and why. */
export interface Rejection {
  readonly row: number;
  readonly reason: string;
}

/** What a format parser returns: the parties it read and the rows it rejected. */
export interface Parsed {
  readonly parties: Party[];
  readonly rejected: Rejection[];
  /** The data's own date when the file states one. */
  readonly asOf?: IsoDate;
}
