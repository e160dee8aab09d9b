import type { Confidence } from '../findings.js';
import { readData } from '../data/files.js';

/** How earmark treats a match on a list; see data/lists/lists.yaml. */
export type Effect = 'licence' | 'denial' | 'statement' | 'item-dependent' | 'blocking' | 'sanctions' | 'debarment';

export interface ListMeaning {
  readonly code: string;
  readonly name: string;
  readonly agency: string;
  readonly effect: Effect;
  /** A match leaves a decision to a person. */
  readonly review: boolean;
  readonly citation: string;
  readonly text: string;
  readonly source: string;
  readonly confidence: Confidence;
}

export interface FootnoteMeaning {
  readonly citation: string;
  readonly text: string;
  readonly confidence: Confidence;
}

export interface ProgrammeMeaning {
  readonly citation: string;
  readonly text: string;
}

interface ListsFile {
  lists: ListMeaning[];
  footnotes: Record<string, FootnoteMeaning>;
  sdnProgrammes: Record<string, ProgrammeMeaning>;
}

const file = readData<ListsFile>('lists', 'lists.yaml');

export const listMeanings: ReadonlyMap<string, ListMeaning> = new Map(file.lists.map((l) => [l.code, l]));
export const footnoteMeanings: ReadonlyMap<number, FootnoteMeaning> = new Map(
  Object.entries(file.footnotes).map(([k, v]) => [Number(k), v]),
);
/** SDN programmes that bring a BIS licence requirement with them, by programme tag. */
export const sdnProgrammes: ReadonlyMap<string, ProgrammeMeaning> = new Map(Object.entries(file.sdnProgrammes));
export const listCodes: readonly string[] = file.lists.map((l) => l.code);

/** Older spellings of a list's abbreviation in the CSL `source` column. */
const aliases: Record<string, string> = { 'NS-MBS LIST': 'MBS', 'NS-MBS': 'MBS' };

/** The list abbreviation from a CSL `source` value, e.g. "Entity List (EL) - Bureau of Industry and Security" -> EL;
 * null when the value names no list earmark knows. */
export function listCode(source: string): string | null {
  const m = /\(([^()]+)\)/.exec(source);
  if (!m) return listCodes.includes(source.trim().toUpperCase()) ? source.trim().toUpperCase() : null;
  const raw = m[1].trim().toUpperCase();
  const code = aliases[raw] ?? raw;
  return listMeanings.has(code) ? code : null;
}

const footnoteDigit = /(?:\)|EAR|\(g\),?|\(e\))\s?([1-5])(?![\d(])/g;

/** The Entity List footnotes marked in a licence-requirement text (the digit the Federal Register puts after
 * the paragraph or the closing parenthesis, e.g. "...744.11 of the EAR)4" -> [4]); a text that cites an FDP
 * paragraph without the digit counts as that paragraph's footnote. */
export function footnotes(licenseRequirement: string | null): number[] {
  if (!licenseRequirement) return [];
  const found = new Set<number>();
  for (const m of licenseRequirement.matchAll(footnoteDigit)) found.add(Number(m[1]));
  if (found.size === 0) {
    if (licenseRequirement.includes('734.9(e)(2)')) found.add(4);
    else if (licenseRequirement.includes('734.9(e)(3)')) found.add(5);
    else if (licenseRequirement.includes('734.9(g)')) found.add(3);
  }
  return [...found].sort((a, b) => a - b);
}
