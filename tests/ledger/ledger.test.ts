import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { InputError } from '../../src/errors.js';
import { openStore } from '../../src/storage/store.js';
import { addLicence, ensureCountryAllowance, ensureLppAllowance, listAllowances } from '../../src/ledger/allowances.js';
import { consume, release, reserve } from '../../src/ledger/reservations.js';
import { verifyAudit } from '../../src/audit/trail.js';
import { backends, freshStore } from './backends.js';

const day = '2026-06-01';

for (const b of backends()) {
  describe(`ledger on ${b.name}`, () => {
    it('runs its migrations once however often the store is opened', async () => {
      const { env, dataDir } = await b.fresh();
      await Promise.all([openStore({ env, dataDir }), openStore({ env, dataDir })]).then((s) => Promise.all(s.map((x) => x.close())));
      const store = await openStore({ env, dataDir });
      const rows = await store.db.selectFrom('earmark_migrations').select('version').orderBy('version').execute();
      expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
      await store.close();
    });

    it('creates the LPP allowance of a consignee-year from the rule data, once', async () => {
      const store = await freshStore(b);
      const a = await ensureLppAllowance(store, { consignee: ' Acme  Corp ', year: 2026 });
      expect(a).toMatchObject({ id: 'lpp/ACME CORP/2026', unit: 'tpp', limit: 26_900_000, remaining: 26_900_000, periodFrom: '2026-01-01', periodTo: '2026-12-31' });
      expect(a.details).toMatchObject({ name: 'Acme Corp', citation: '15 CFR 740.29', confidence: 'high' });
      expect(a.details.note).toMatch(/not enforced/);
      const again = await ensureLppAllowance(store, { consignee: 'ACME CORP', year: 2026 });
      expect(again.id).toBe(a.id);
      expect(await listAllowances(store)).toHaveLength(1);
      // 2025: LPP came into force on 2025-05-15, part way through the year.
      expect((await ensureLppAllowance(store, { consignee: 'Acme Corp', year: 2025 })).details.note).toMatch(/applies from 2025-05-15/);
      await expect(ensureLppAllowance(store, { consignee: 'Acme Corp', year: 2024 })).rejects.toThrow(/year: License Exception LPP .* not in force in 2024; it applies from 2025-05-15/);
      await expect(ensureLppAllowance(store, { consignee: '  ', year: 2026 })).rejects.toThrow(InputError);
      await store.close();
    });

    it('creates Tier 2 country allocations with their low confidence, and refuses other tiers', async () => {
      const store = await freshStore(b);
      const a = await ensureCountryAllowance(store, { country: 'India', date: day });
      expect(a).toMatchObject({ id: 'country/IN/2025-01-13', limit: 790_000_000, unit: 'tpp', periodTo: '2027-12-31' });
      expect(a.details.confidence).toBe('low');
      await expect(ensureCountryAllowance(store, { country: 'CN', date: day })).rejects.toThrow(/country: .*Tier 3/);
      await expect(ensureCountryAllowance(store, { country: 'JP', date: day })).rejects.toThrow(/country: .*Tier 1/);
      await expect(ensureCountryAllowance(store, { country: 'IN', date: '2024-06-01' })).rejects.toThrow(/no Tier 2 country allocation/);
      await store.close();
    });

    it('reserves only within the limit and replays a repeated key without counting it twice', async () => {
      const store = await freshStore(b);
      const lic = await addLicence(store, { number: 'D123456', chip: 'nvidia-h100-sxm5-80gb', to: 'IN', quantity: 100, date: day, validUntil: '2027-01-01' });
      expect(lic).toMatchObject({ id: 'licence/D123456', unit: 'units', limit: 100 });
      const r1 = await reserve(store, { allowance: lic.id, amount: 60, key: 'order-1', date: day });
      expect(r1).toMatchObject({ ok: true, amount: 60, remaining: 40, replayed: false, unit: 'units' });
      expect(await reserve(store, { allowance: lic.id, amount: 60, key: 'order-1', date: day })).toMatchObject({ ok: true, remaining: 40, replayed: true });
      const over = await reserve(store, { allowance: lic.id, amount: 41, key: 'order-2', date: day });
      expect(over).toMatchObject({ ok: false, remaining: 40, replayed: false });
      expect(await reserve(store, { allowance: lic.id, amount: 41, key: 'order-2', date: day })).toMatchObject({ ok: false, replayed: true });
      expect(await reserve(store, { allowance: lic.id, amount: 40, key: 'order-3', date: day })).toMatchObject({ ok: true, remaining: 0 });
      const [a] = await listAllowances(store);
      expect(a).toMatchObject({ reserved: 100, consumed: 0, remaining: 0 });
      await expect(reserve(store, { allowance: lic.id, amount: 5, key: 'order-1', date: day })).rejects.toThrow(/key: "order-1" was already used to reserve 60/);
      await expect(reserve(store, { allowance: lic.id, amount: 1, key: 'k', unit: 'tpp', date: day })).rejects.toThrow(/unit: licence\/D123456 counts units/);
      await expect(reserve(store, { allowance: lic.id, amount: 0, key: 'k', date: day })).rejects.toThrow(/amount: must be a whole number/);
      await expect(reserve(store, { allowance: lic.id, amount: 1.5, key: 'k', date: day })).rejects.toThrow(/amount/);
      await expect(reserve(store, { allowance: 'licence/NOPE', amount: 1, key: 'k', date: day })).rejects.toThrow(/allowance: no allowance/);
      await expect(reserve(store, { allowance: lic.id, amount: 1, key: 'late', date: '2027-01-02' })).rejects.toThrow(/licence: D123456 expired on 2027-01-01/);
      await store.close();
    });

    it('releases and consumes once, and refuses moves that make no sense', async () => {
      const store = await freshStore(b);
      const lic = await addLicence(store, { number: 'L-1', chip: 'nvidia-h100-sxm5-80gb', to: 'AE', quantity: 10, date: day });
      await reserve(store, { allowance: lic.id, amount: 4, key: 'a', date: day });
      await reserve(store, { allowance: lic.id, amount: 3, key: 'b', date: day });
      await reserve(store, { allowance: lic.id, amount: 9, key: 'refused', date: day });
      expect(await release(store, { key: 'a' })).toMatchObject({ ok: true, state: 'released', amount: 4, remaining: 7, replayed: false });
      expect(await release(store, { key: 'a' })).toMatchObject({ state: 'released', remaining: 7, replayed: true });
      expect(await consume(store, { key: 'b' })).toMatchObject({ state: 'consumed', amount: 3, remaining: 7, replayed: false });
      expect(await consume(store, { key: 'b' })).toMatchObject({ replayed: true });
      await expect(consume(store, { key: 'a' })).rejects.toThrow(/key: reservation "a" is already released/);
      await expect(release(store, { key: 'b' })).rejects.toThrow(/is already consumed/);
      await expect(release(store, { key: 'refused' })).rejects.toThrow(/was refused/);
      await expect(release(store, { key: 'nope' })).rejects.toThrow(/key: no reservation with key "nope"/);
      expect((await listAllowances(store))[0]).toMatchObject({ reserved: 0, consumed: 3, remaining: 7 });
      await expect(addLicence(store, { number: 'l-1', chip: 'nvidia-h100-sxm5-80gb', to: 'AE', quantity: 10, date: day })).rejects.toThrow(/number: licence l-1 is already in the ledger/);
      await expect(addLicence(store, { number: 'L-2', chip: 'no-such-chip', to: 'AE', quantity: 10, date: day })).rejects.toThrow(/chip: unknown chip/);
      await store.close();
    });

    it('records ledger changes in the same transaction as the change', async () => {
      const store = await freshStore(b);
      const lic = await addLicence(store, { number: 'L-9', chip: 'nvidia-h100-sxm5-80gb', to: 'IN', quantity: 5, date: day }, { actor: 'test' });
      await reserve(store, { allowance: lic.id, amount: 5, key: 'x', date: day }, { actor: 'test' });
      await reserve(store, { allowance: lic.id, amount: 5, key: 'x', date: day }, { actor: 'test' }); // replay: no change, no record
      await release(store, { key: 'x' }, { actor: 'test' });
      // A change that fails leaves no record behind.
      await expect(consume(store, { key: 'x' }, { actor: 'test' })).rejects.toThrow(InputError);
      const rows = await store.db.selectFrom('audit_log').select(['seq', 'kind', 'actor', 'input', 'rule_version']).orderBy('seq').execute();
      expect(rows.map((r) => JSON.parse(r.input).action)).toEqual(['add-licence', 'reserve', 'release']);
      expect(rows[1]).toMatchObject({ kind: 'ledger', actor: 'test' });
      expect(rows[1].rule_version).toBeTruthy();
      expect(await verifyAudit(store)).toMatchObject({ ok: true, records: 3 });
      await store.close();
    });

    it('keeps the totals within the limit even if the code were wrong (database check)', async () => {
      const store = await freshStore(b);
      const lic = await addLicence(store, { number: 'L-C', chip: 'nvidia-h100-sxm5-80gb', to: 'IN', quantity: 5, date: day });
      await expect(sql`update allowances set reserved = 6 where id = ${lic.id}`.execute(store.db)).rejects.toThrow();
      await store.close();
    });
  });
}
