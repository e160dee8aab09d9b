import type { Command } from 'commander';
import { type Io, ExitCode, exit, json } from '../io.js';
import { number, oneOf } from '../options.js';
import { dataDir } from '../../config.js';
import { parseDate, today } from '../../dates.js';
import { type Store, withStore } from '../../storage/store.js';
import { cliActor } from '../../audit/record.js';
import { type Allowance, type Unit, addLicence, allowanceFor, listAllowances, units } from '../../ledger/allowances.js';
import { type MoveResult, type ReserveResult, consume, release, reserve } from '../../ledger/reservations.js';
import type { LedgerAudit } from '../../ledger/changes.js';

interface StoreFlags {
  dataDir?: string;
  json?: boolean;
  record?: boolean;
}

/** `earmark ledger ...`: quantity caps (LPP, Tier 2 allocations, licences) and reservations against them. */
export function registerLedger(program: Command, io: Io): void {
  const ledger = program.command('ledger').description('quantity caps (LPP, Tier 2 country allocations, licences) and the reservations drawn on them');
  const open = <T>(flags: StoreFlags, fn: (store: Store, audit: LedgerAudit | undefined) => Promise<T>) =>
    withStore({ env: io.env, dataDir: dataDir(io.env, flags.dataDir) }, (store) => fn(store, flags.record ? { actor: cliActor() } : undefined));
  const common = (c: Command, write = true) => {
    c.option('--data-dir <dir>', 'folder of the SQLite ledger (default EARMARK_DATA_DIR or ~/.earmark; EARMARK_DATABASE_URL selects PostgreSQL)');
    if (write) c.option('--record', 'also record the change in the audit trail');
    return c.option('--json', 'print JSON');
  };

  common(ledger.command('allowances').description('list the allowances and what is left of each'), false).action((flags: StoreFlags) =>
    open(flags, async (store) => {
      const list = await listAllowances(store);
      io.out(flags.json ? json(list) : describeAllowances(list));
    }),
  );

  common(
    ledger
      .command('add-licence')
      .description('enter a licence you hold, with the quantity it grants')
      .requiredOption('--number <L>', 'licence number')
      .requiredOption('--chip <id>', 'the licensed chip (catalog id or alias)')
      .requiredOption('--to <cc>', 'destination country')
      .requiredOption('--units <n>', 'licensed quantity: chips, or TPP with --unit tpp', number('units', { integer: true, positive: true }))
      .option('--unit <unit>', 'what --units counts: units (chips, the default) or tpp', oneOf('unit', units))
      .option('--valid-until <date>', 'last day the licence may be used (YYYY-MM-DD)', (s: string) => parseDate(s, 'valid-until')),
  ).action((flags: StoreFlags & { number: string; chip: string; to: string; units: number; unit?: Unit; validUntil?: string }) =>
    open(flags, async (store, audit) => {
      const a = await addLicence(store, { number: flags.number, chip: flags.chip, to: flags.to, quantity: flags.units, unit: flags.unit, date: today(), validUntil: flags.validUntil }, audit);
      io.out(flags.json ? json(a) : `entered ${a.id}: ${amount(a.limit, a.unit)} of ${a.details.chip} to ${a.details.destination}${a.periodTo ? `, valid until ${a.periodTo}` : ''}`);
    }),
  );

  common(
    ledger
      .command('reserve')
      .description('hold an amount of an allowance for a shipment; exits 3 when there is not enough room')
      .option('--licence <L>', 'draw on a licence entered with add-licence')
      .option('--lpp', 'draw on License Exception LPP for --consignee in --year')
      .option('--consignee <name>', 'ultimate consignee (with --lpp)')
      .option('--year <y>', 'calendar year (with --lpp; default this year)', number('year', { integer: true }))
      .option('--country <cc>', "draw on a Tier 2 country's allocation")
      .requiredOption('--amount <n>', 'whole TPP or chips, in the allowance unit', number('amount', { integer: true, positive: true }))
      .option('--unit <unit>', 'the unit of --amount, checked against the allowance (tpp or units)', oneOf('unit', units))
      .requiredOption('--key <key>', 'idempotency key: repeating it returns the first answer and reserves nothing more'),
  ).action((flags: StoreFlags & ReserveFlags) =>
    open(flags, async (store, audit) => {
      const date = today();
      const allowance = await allowanceFor(store, flags, date);
      const r = await reserve(store, { allowance, amount: flags.amount, key: flags.key, unit: flags.unit, date }, audit);
      io.out(flags.json ? json(r) : describeReserve(r));
      if (!r.ok) throw new ExitCode(exit.refused);
    }),
  );

  for (const [name, fn, what] of [
    ['release', release, 'give a reservation back to its allowance (shipment cancelled)'],
    ['consume', consume, 'mark a reservation as shipped'],
  ] as const) {
    common(ledger.command(name).description(what).requiredOption('--key <key>', 'the key the reservation was made with')).action((flags: StoreFlags & { key: string }) =>
      open(flags, async (store, audit) => {
        const r = await fn(store, { key: flags.key }, audit);
        io.out(flags.json ? json(r) : describeMove(r));
      }),
    );
  }
}

interface ReserveFlags {
  licence?: string;
  lpp?: boolean;
  consignee?: string;
  year?: number;
  country?: string;
  amount: number;
  unit?: Unit;
  key: string;
}

const amount = (n: number, unit: Unit) => `${n.toLocaleString('en-US')} ${unit === 'tpp' ? 'TPP' : n === 1 ? 'unit' : 'units'}`;

function describeReserve(r: ReserveResult): string {
  const head = r.ok
    ? `reserved ${amount(r.amount, r.unit)} of ${r.allowance}; ${amount(r.remaining, r.unit)} remain`
    : `refused: ${amount(r.amount, r.unit)} asked of ${r.allowance}, only ${amount(r.remaining, r.unit)} remain`;
  const lines = [`${head} (key ${r.key})`];
  if (r.replayed) lines.push('this key was used before: this is its first answer, and nothing changed');
  if (r.confidence !== 'high') lines.push(`the limit of ${r.allowance} is ${r.confidence}-confidence data; see earmark ledger allowances`);
  return lines.join('\n');
}

function describeMove(r: MoveResult): string {
  const what = r.state === 'released' ? 'released' : 'consumed (shipped)';
  return `${r.replayed ? 'already ' : ''}${what}: reservation ${r.key}, ${r.amount.toLocaleString('en-US')} of ${r.allowance}; ${r.remaining.toLocaleString('en-US')} remain`;
}

function describeAllowances(list: readonly Allowance[]): string {
  if (list.length === 0) return 'no allowances yet: add a licence with earmark ledger add-licence, or reserve with --lpp or --country';
  return list
    .map((a) =>
      [
        `${a.id}  (${a.details.name})`,
        `  limit ${amount(a.limit, a.unit)}; reserved ${a.reserved.toLocaleString('en-US')}; shipped ${a.consumed.toLocaleString('en-US')}; remaining ${a.remaining.toLocaleString('en-US')}`,
        `  period ${a.periodFrom} to ${a.periodTo ?? 'open'}; ${a.details.citation}; confidence ${a.details.confidence}`,
        ...(a.details.note ? [`  note: ${a.details.note}`] : []),
      ].join('\n'),
    )
    .join('\n');
}
