import { inGroups, type CountryAt } from '../countries/countries.js';

/** A set of destinations as the regulation writes it: Country Groups, minus some groups, plus named countries. */
export interface DestinationSet {
  readonly groups?: readonly string[];
  readonly except?: readonly string[];
  readonly countries?: readonly string[];
}

/** True when the destination (read on the date `country` was resolved for) is in the set. */
export function inSet(set: DestinationSet, country: CountryAt): boolean {
  if (set.countries?.includes(country.effective)) return true;
  return set.groups ? inGroups(country.groups, set.groups, set.except) : false;
}

/** A short human description of the set, for findings: "D:1, D:4, D:5 except A:5, A:6, plus MO". */
export function describeSet(set: DestinationSet): string {
  let text = described.get(set);
  if (text === undefined) described.set(set, (text = describe(set)));
  return text;
}

const described = new WeakMap<DestinationSet, string>();

function describe(set: DestinationSet): string {
  const parts: string[] = [];
  if (set.groups?.length) parts.push(`Country Group${set.groups.length > 1 ? 's' : ''} ${set.groups.join(', ')}`);
  if (set.except?.length) parts.push(`except those also in ${set.except.join(' or ')}`);
  if (set.countries?.length) parts.push(`${set.groups?.length ? 'plus ' : ''}${set.countries.join(', ')}`);
  return parts.join(' ');
}
