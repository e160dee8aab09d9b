import { importFormats } from '../screening/import.js';
import { z } from '@hono/zod-openapi';

// The request and response shapes of the API. They validate requests and generate /openapi.json,
// so the document cannot drift from what the server accepts. Field names are the CLI's options in
// camelCase; the responses are the CLI's --json objects.

const country = (what: string) => z.string().max(100).openapi({ description: `${what}: ISO 3166 alpha-2 or alpha-3 code, or an English name`, example: 'CN' });
const isoDate = z.string().max(100).openapi({ description: 'YYYY-MM-DD (default today, UTC)', example: '2025-06-01' });

const itemFields = {
  chip: z.string().max(200).optional().openapi({ description: 'catalog chip id (case-insensitive) or an unambiguous alias', example: 'nvidia-h20' }),
  tpp: z.number().min(0).optional().openapi({ description: 'total processing performance' }),
  dieArea: z.number().positive().optional().openapi({ description: 'applicable die area, mm2' }),
  interconnect: z.number().min(0).optional().openapi({ description: 'aggregate bidirectional transfer rate, GB/s' }),
  memoryBandwidth: z.number().min(0).optional().openapi({ description: 'total DRAM bandwidth, GB/s' }),
  notDatacenter: z.boolean().optional().openapi({ description: 'the IC is not designed or marketed for datacenters' }),
  hbmDensity: z.number().min(0).optional().openapi({ description: 'a stand-alone HBM stack of this bandwidth density, GB/s/mm2' }),
  computer: z.number().int().positive().optional().openapi({ description: 'a computer holding N of these ICs (4A090)' }),
};

const partyFields = {
  to: country('destination'),
  buyer: z.string().max(1000).optional().openapi({ description: 'buyer name' }),
  buyerHq: country("buyer's headquarters (default: the destination)").optional(),
  parentHq: country("buyer's ultimate parent's headquarters").optional(),
  trainsFor: country('where the party is headquartered for which the items will train AI models').optional(),
  owner: z.string().max(1000).optional().openapi({ description: 'a party owning part of the buyer (screened; the Affiliates rule)' }),
  ownerShare: z.number().min(0).max(100).optional().openapi({ description: "the owner's share of the buyer, percent" }),
  vendor: z.string().max(1000).optional().openapi({ description: 'the exporter (is-informed letters bind only their addressee)' }),
  exportFrom: country('country the item leaves from (default US)').optional(),
};

export const views = ['enforced', 'codified', 'both'] as const;

export const CheckBody = z.strictObject({
  ...itemFields,
  ...partyFields,
  date: isoDate.optional(),
  quantity: z.number().int().min(1).optional().openapi({ description: 'number of items (default 1)' }),
  view: z.enum(views).optional().openapi({ description: 'default enforced' }),
  record: z.boolean().optional().openapi({ description: 'also write the determination to the audit trail (operator role)' }),
}).openapi('CheckRequest');

export const ClassifyBody = z.strictObject({
  ...itemFields,
  date: isoDate.optional(),
  record: z.boolean().optional().openapi({ description: 'also write the classification to the audit trail (operator role)' }),
}).openapi('ClassifyRequest');

const queryNumber = z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative number').transform(Number);

/** The timeline is a GET: the same fields as query parameters (numbers as text). */
export const TimelineQuery = z.strictObject({
  chip: itemFields.chip,
  tpp: queryNumber.optional(),
  dieArea: queryNumber.optional(),
  interconnect: queryNumber.optional(),
  memoryBandwidth: queryNumber.optional(),
  notDatacenter: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  hbmDensity: queryNumber.optional(),
  computer: z.string().regex(/^[1-9]\d*$/, 'must be a whole number of 1 or more').transform(Number).optional(),
  ...partyFields,
  view: z.enum(['enforced', 'codified']).optional(),
});

export const DateQuery = z.strictObject({ date: isoDate.optional() });
export const ChipParams = z.object({ id: z.string().max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'nvidia-h100-sxm' }) });

const confidence = z.enum(['high', 'medium', 'low']);
const eccn = z.enum(['3A090.a', '3A090.b', '3A090.c', '4A090.a', '4A090.b']).nullable();
const reviewPolicy = z.enum(['presumption-of-denial', 'case-by-case', 'presumption-of-approval']).nullable();
const exception = z.enum(['NAC', 'ACA', 'LPP', 'AIA', 'ACM', 'HBM']);

export const Finding = z.object({ rule: z.string(), citation: z.string(), text: z.string(), source: z.string(), confidence }).openapi('Finding');
const ClassifiedItem = z.object({ id: z.string(), eccn, tpp: z.number().nullable(), performanceDensity: z.number().nullable() });

const determinationFields = {
  date: z.string(),
  view: z.enum(['enforced', 'codified']),
  ruleVersion: z.string(),
  item: ClassifiedItem,
  licenseRequired: z.boolean().nullable().openapi({ description: 'null: indeterminate, the reason is in the findings' }),
  reviewPolicy,
  licenseExceptions: z.array(exception),
  confidence,
  findings: z.array(Finding),
};
export const Determination = z.object({
  ...determinationFields,
  codified: z.object(determinationFields).optional().openapi({ description: 'with view "both": the codified answer beside the enforced one' }),
}).openapi('Determination');

export const Classification = z.object({ date: z.string(), ruleVersion: z.string(), item: ClassifiedItem, confidence, findings: z.array(Finding) }).openapi('Classification');

export const Timeline = z.object({
  intervals: z.array(z.object({
    from: z.string(),
    to: z.string().nullable(),
    licenseRequired: z.boolean().nullable(),
    reviewPolicy,
    eccn,
    ruleVersion: z.string(),
    licenseExceptions: z.array(exception),
  })),
}).openapi('Timeline');

const ChipMetrics = z.object({
  id: z.string(), name: z.string(), vendor: z.string(), launchDate: z.string().nullable(), marketedForDatacenter: z.boolean(),
  tpp: z.number().nullable(), tppPrecision: z.string().nullable(), tppEstimated: z.boolean(), performanceDensity: z.number().nullable(),
  dieAreaMm2: z.number().nullable(), interconnectGBs: z.number().nullable(), memoryBandwidthGBs: z.number().nullable(),
  eccn, indeterminate: z.boolean(), missing: z.array(z.string()), confidence,
}).openapi('ChipMetrics');

export const Chips = z.object({ date: z.string(), chips: z.array(ChipMetrics) }).openapi('Chips');

export const ChipDetail = z.looseObject({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  sources: z.array(z.string()),
  metrics: ChipMetrics,
  classificationHistory: z.array(z.object({ from: z.string(), eccn, ruleVersion: z.string() })),
}).openapi('ChipDetail', { description: 'the catalog record with its metrics and its ECCN on every date the law changed' });

export const Countries = z.object({
  date: z.string(),
  countries: z.array(z.object({
    iso2: z.string(), iso3: z.string(), name: z.string(), earName: z.string().nullish(), treatedAs: z.string().nullish(),
    groups: z.array(z.string()), tier: z.number(), indeterminate: z.boolean(), changedOn: z.string().optional(), change: z.string().optional(),
  })),
}).openapi('Countries');

export const Rules = z.object({
  coverageStart: z.string(),
  asOf: z.string(),
  versions: z.array(z.looseObject({ id: z.string(), title: z.string(), citation: z.string(), effective: z.string(), status: z.string(), codified: z.boolean(), summary: z.string() })),
}).openapi('Rules');

export const Health = z.object({ status: z.literal('ok'), version: z.string(), dataAsOf: z.string() }).openapi('Health');

export const ErrorBody = z.object({
  error: z.string().openapi({ description: 'invalid-input, malformed-json, unauthorized, forbidden, not-found, payload-too-large, unsupported-media-type, rate-limited, timeout or internal' }),
  message: z.string(),
  field: z.string().optional().openapi({ description: 'the offending field, as a path (e.g. "buyerHq")' }),
  allowed: z.array(z.string()).optional().openapi({ description: 'the allowed values, where there is a closed set or close matches' }),
}).openapi('Error');

export const roles = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const KeyCreateBody = z.strictObject({
  role: z.enum(roles),
  name: z.string().max(200).optional().openapi({ description: 'who or what holds the key' }),
}).openapi('KeyCreateRequest');

const KeyInfo = z.object({ id: z.string(), role: z.enum(roles), name: z.string().nullable(), createdAt: z.string(), createdBy: z.string(), revokedAt: z.string().nullable() }).openapi('Key');
export const KeyCreated = z.object({ key: z.string().openapi({ description: 'shown once: only its sha256 is kept' }), id: z.string(), role: z.enum(roles) }).openapi('KeyCreated');
export const KeyList = z.object({ keys: z.array(KeyInfo) }).openapi('KeyList');
export const KeyParams = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' } }) });
export const KeyRevoked = z.object({ id: z.string(), revoked: z.boolean() }).openapi('KeyRevoked');

export const BatchQuery = z.strictObject({
  dateColumn: z.string().max(200).optional().openapi({ description: 'CSV: the column holding each order\'s date (default date)' }),
  view: z.enum(['enforced', 'codified']).optional(),
});
export const ListImportQuery = z.strictObject({
  format: z.enum(importFormats).optional().openapi({ description: 'the file\'s format (default: recognised from the content)' }),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: 'the list\'s date, YYYY-MM-DD, when the file does not state it' }),
  name: z.string().max(200).optional().openapi({ description: 'the file\'s name, kept as the snapshot\'s source (default upload)' }),
});
export const ListFile = z.unknown().openapi({ description: 'a CSL JSON file, or earmark\'s compact snapshot' });
export const ListImportReport = z.looseObject({ imported: z.boolean() }).openapi('ListImportReport', { description: 'the snapshot stored and whether it is in service, or the rejected rows (earmark lists import --json)' });
export const Text = z.string().openapi({ description: 'the order book (or its answers) as text' });

export const ScreenBody = z.strictObject({
  name: z.string().max(1000).openapi({ description: 'the party name to screen', example: 'Huawei Technologies' }),
  country: z.string().max(100).optional().openapi({ description: 'only parties with an address in this ISO-2 country (or none stated)' }),
  list: z.array(z.string().max(20)).max(50).optional().openapi({ description: 'only these lists (EL, SDN, DPL, UVL, MEU, ...)' }),
  threshold: z.number().min(0).max(1).optional(),
  limit: z.number().int().positive().optional(),
}).openapi('ScreenRequest');

const Hit = z.looseObject({ list: z.string(), name: z.string(), score: z.number(), status: z.enum(['match', 'review']) });
export const ScreenResult = z.object({
  snapshot: z.object({ source: z.string(), asOf: z.string(), sha256: z.string(), rows: z.number(), ageDays: z.number() }),
  query: z.string(),
  threshold: z.number(),
  hits: z.array(Hit),
}).openapi('ScreenResult');

export const ModelParams = z.object({ id: z.string().max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'deepseek-v3' }) });
export const ModelQuery = z.strictObject({
  date: isoDate.optional(),
  to: country('destination').optional(),
  buyerHq: country("recipient's headquarters").optional(),
  parentHq: country("recipient's ultimate parent's headquarters").optional(),
  view: z.enum(views).optional(),
  weights: z.enum(['published', 'unpublished']).optional().openapi({ description: 'what-if, whatever the catalog says' }),
  price: queryNumber.optional().openapi({ description: 'USD per GPU-hour' }),
});
export const ModelReport = z.looseObject({
  id: z.string(), name: z.string(), date: z.string(), eccn: z.string().nullable(), licenseRequired: z.boolean().nullable(),
  confidence, findings: z.array(Finding),
}).openapi('ModelReport', { description: 'earmark model ID --json' });

const units = ['tpp', 'units'] as const;
export const LicenceBody = z.strictObject({
  number: z.string().max(100), chip: z.string().max(200), to: country('destination'),
  units: z.number().int().positive().openapi({ description: 'licensed quantity: chips, or TPP with unit tpp' }),
  unit: z.enum(units).optional(), validUntil: isoDate.optional(),
}).openapi('LicenceRequest');
export const ReserveBody = z.strictObject({
  licence: z.string().max(100).optional(), lpp: z.boolean().optional(), consignee: z.string().max(1000).optional(),
  year: z.number().int().optional(), country: z.string().max(100).optional(),
  amount: z.number().int().positive(), unit: z.enum(units).optional(),
  key: z.string().max(200).openapi({ description: 'idempotency key: repeating it returns the first answer and reserves nothing more' }),
}).openapi('ReserveRequest');
export const KeyBody = z.strictObject({ key: z.string().max(200) }).openapi('ReservationKey');

export const Allowance = z.looseObject({ id: z.string(), kind: z.string(), unit: z.enum(units), limit: z.number(), reserved: z.number(), consumed: z.number(), remaining: z.number() }).openapi('Allowance');
export const Allowances = z.array(Allowance).openapi('Allowances', { description: 'earmark ledger allowances --json' });
export const ReserveResult = z.object({ ok: z.boolean(), allowance: z.string(), amount: z.number(), remaining: z.number(), key: z.string(), replayed: z.boolean(), unit: z.enum(units), confidence }).openapi('ReserveResult');
export const MoveResult = z.object({ ok: z.literal(true), key: z.string(), allowance: z.string(), amount: z.number(), state: z.enum(['released', 'consumed']), remaining: z.number(), replayed: z.boolean() }).openapi('MoveResult');

export const Verification = z.object({
  ok: z.boolean(), records: z.number(), head: z.string().optional(),
  broken: z.object({ seq: z.number(), reason: z.string() }).optional(),
}).openapi('AuditVerification');
export const AuditExportQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), format: z.enum(['csv', 'jsonl']).optional() });
