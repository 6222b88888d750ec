// Scale data for the bench, set-based: every table is filled by INSERT … SELECT generate_series on
// the server, in chunks that two connections take in turn (the machines have 2 cores).
//
// Shape (scale 1): 1,000 tenants, 50 providers, 5,000,000 ledger rows (consumption, every 20th row
// of a (tenant, provider) pair a refund), 1,000,000 invoice requests in all five states, one
// Balance row per (tenant, provider) computed from those rows with GROUP BY (so consumed/refunded
// equal the ledger and pending/processing/mailing equal the requests by state), an administrator,
// a default title and a default address per tenant, a staff member per provider and one support
// account. Tenant 1 ("the large tenant") holds `bigShare` (20%) of the ledger and of the requests
// and consumes at all 50 providers, like every tenant. Passwords: one real argon2id hash of
// DEMO_PASSWORD, computed once and reused for every account.
//
// Speed: the secondary indexes of the two large tables are dropped and rebuilt after the load,
// foreign-key triggers are skipped (session_replication_role = replica: the rows are consistent by
// construction and checked afterwards), ids are UUIDv7-shaped and ascending in insert order so the
// primary keys grow at their right edge.
import { createRequire } from "node:module";
import { applyMigrations, DEMO_PASSWORD } from "@mic/db";
import type pg from "pg";
import { createFresh, kv, note, pgClient, timed } from "./lib";

export interface DataOptions {
  scale: number;
  tenants?: number;
  providers?: number;
  ledger?: number;
  requests?: number;
  /** Share of the ledger and the requests that belongs to the large tenant. */
  bigShare?: number;
  jobs?: number;
}

export interface DataShape {
  scale: number;
  tenants: number;
  providers: number;
  ledgerRows: number;
  requestRows: number;
  bigTenantRequests: number;
  bigAdmin: string;
  generatedAt: string;
}

/** Written as the database's comment, so `pnpm bench` can tell a bench:data database and its shape. */
export const MARKER = "mic-bench-data ";

export async function readShape(url: string): Promise<DataShape | undefined> {
  const client = pgClient(url);
  await client.connect();
  try {
    const r = await client.query<{ c: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = current_database()`,
    );
    const c = r.rows[0]?.c;
    return c?.startsWith(MARKER) ? (JSON.parse(c.slice(MARKER.length)) as DataShape) : undefined;
  } finally {
    await client.end();
  }
}

// A UUIDv7-shaped id: 48 bits of milliseconds, version 7, 12 bits of tag, variant, 60 bits of n.
const V7 = `CREATE FUNCTION pg_temp.v7(ms bigint, tag int, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
  $$ SELECT (lpad(to_hex(ms), 12, '0') || '7' || lpad(to_hex(tag), 3, '0') || '8' || lpad(to_hex(n), 15, '0'))::uuid $$`;
/** Load time base for ids (ms since the epoch), fixed so two loads give the same ids. */
const B = `1767225600000::bigint`; // 2026-01-01

async function session(url: string): Promise<pg.Client> {
  const c = pgClient(url);
  await c.connect();
  await c.query(`SET session_replication_role = replica`);
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET maintenance_work_mem = '256MB'`);
  await c.query(`SET work_mem = '64MB'`);
  await c.query(V7);
  return c;
}

/** Runs the statements on `jobs` connections, each taking the next one when it is done. */
async function inParallel(url: string, jobs: number, statements: { sql: string; params: unknown[] }[]) {
  const queue = [...statements];
  const clients = await Promise.all(Array.from({ length: Math.max(1, jobs) }, () => session(url)));
  try {
    await Promise.all(
      clients.map(async (c) => {
        for (let s = queue.shift(); s; s = queue.shift()) await c.query(s.sql, s.params);
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** argon2id of DEMO_PASSWORD, with @mic/db's own argon2 (no dependency of the bench's own). */
async function passwordHash(): Promise<string> {
  const require = createRequire(import.meta.resolve("@mic/db"));
  const argon2 = require("@node-rs/argon2") as { hash(password: string): Promise<string> };
  return argon2.hash(DEMO_PASSWORD);
}

const TITLE = (t: string) =>
  `json_build_object('type','ENTERPRISE','name','Bench 企业 ' || ${t},'taxpayerId','91310000' || lpad(${t}::text, 10, '0'),
     'registeredAddress','上海市浦东新区 ' || ${t} || ' 号','registeredPhone','021-5000' || lpad((${t} % 10000)::text, 4, '0'),
     'bankName','招商银行上海分行','bankAccount','6214' || lpad(${t}::text, 12, '0'))::jsonb`;
const ADDRESS = (t: string) =>
  `json_build_object('recipient','收件人 ' || ${t},'phone','139' || lpad(${t}::text, 8, '0'),'province','上海市',
     'city','上海市','district','浦东新区','street','张江路 ' || ${t} || ' 号','postalCode','200120')::jsonb`;

export async function generateData(
  server: string,
  database: string,
  options: DataOptions,
): Promise<DataShape> {
  const scale = options.scale;
  const T = Math.max(2, Math.round(options.tenants ?? 1000 * scale));
  const P = Math.max(1, Math.round(options.providers ?? 50));
  const L = Math.round(options.ledger ?? 5_000_000 * scale);
  const R = Math.round(options.requests ?? 1_000_000 * scale);
  const share = options.bigShare ?? 0.2;
  const jobs = options.jobs ?? 2;
  // Rows per (tenant, provider) pair: the large tenant's, everyone else's.
  const bigLedger = Math.max(20, Math.round((L * share) / P));
  const otherLedger = Math.max(20, Math.round((L * (1 - share)) / ((T - 1) * P)));
  const bigRequests = Math.max(1, Math.round((R * share) / P));
  const otherRequests = Math.max(1, Math.round((R * (1 - share)) / ((T - 1) * P)));
  const total = {
    ledger: bigLedger * P + otherLedger * (T - 1) * P,
    requests: bigRequests * P + otherRequests * (T - 1) * P,
  };
  note(
    `bench:data → ${database}: ${T} tenants, ${P} providers, ${total.ledger.toLocaleString()} ledger rows, ` +
      `${total.requests.toLocaleString()} requests (tenant 1: ${(bigRequests * P).toLocaleString()})`,
  );

  const started = performance.now();
  const [url, createS] = await timed(() => createFresh(server, database));
  kv("data_create_s", createS);
  const [, migrateS] = await timed(() => applyMigrations(url));
  kv("data_migrate_s", migrateS);
  const [hash, hashS] = await timed(passwordHash);
  kv("data_argon2_s", hashS);

  const c = await session(url);
  try {
    // Tenants, providers, accounts, titles and addresses: small, one statement each.
    const [, baseS] = await timed(async () => {
      await c.query(
        `INSERT INTO "Tenant" (id, name, "createdAt", "updatedAt")
         SELECT pg_temp.v7(${B} + g, 1, g), 'Bench 企业 ' || g, now(), now() FROM generate_series(1, $1::int) g`,
        [T],
      );
      await c.query(
        `INSERT INTO "Provider" (id, name, "contactPhone", "contactEmail", "invoiceTypes", "createdAt", "updatedAt")
         SELECT pg_temp.v7(${B} + g, 2, g), 'Bench 服务商 ' || lpad(g::text, 3, '0'), '400-800-' || lpad(g::text, 4, '0'),
                'invoice' || g || '@provider.bench.test',
                CASE WHEN g % 3 = 0 THEN ARRAY['PAPER_VAT_GENERAL']::"InvoiceType"[]
                     ELSE ARRAY['PAPER_VAT_GENERAL','PAPER_VAT_SPECIAL','ELECTRONIC_VAT_GENERAL']::"InvoiceType"[] END,
                now(), now()
           FROM generate_series(1, $1::int) g`,
        [P],
      );
      await c.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "tenantId", "providerId", "createdAt", "updatedAt")
         SELECT pg_temp.v7(${B} + g, 3, g), 'admin-' || g || '@bench.test', '管理员 ' || g, $2, 'ENTERPRISE_ADMIN'::"Role",
                pg_temp.v7(${B} + g, 1, g), NULL, now(), now() FROM generate_series(1, $1::int) g`,
        [T, hash],
      );
      await c.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "tenantId", "providerId", "createdAt", "updatedAt")
         SELECT pg_temp.v7(${B} + g, 4, g), 'staff-' || g || '@bench.test', '服务商员工 ' || g, $2, 'PROVIDER_STAFF'::"Role",
                NULL::uuid, pg_temp.v7(${B} + g, 2, g), now(), now() FROM generate_series(1, $1::int) g
         UNION ALL
         SELECT pg_temp.v7(${B}, 5, 1), 'support@bench.test', '平台客服', $2, 'SUPPORT'::"Role", NULL::uuid, NULL::uuid, now(), now()`,
        [P, hash],
      );
      await c.query(
        `INSERT INTO "InvoiceTitle" (id, "tenantId", type, name, "taxpayerId", "registeredAddress", "registeredPhone",
                                     "bankName", "bankAccount", "isDefault", "createdAt", "updatedAt")
         SELECT pg_temp.v7(${B} + g, 6, g), pg_temp.v7(${B} + g, 1, g), 'ENTERPRISE', s->>'name', s->>'taxpayerId',
                s->>'registeredAddress', s->>'registeredPhone', s->>'bankName', s->>'bankAccount', true, now(), now()
           FROM generate_series(1, $1::int) g, LATERAL (SELECT ${TITLE("g")} AS s) x`,
        [T],
      );
      await c.query(
        `INSERT INTO "MailingAddress" (id, "tenantId", recipient, phone, province, city, district, street, "postalCode",
                                       "isDefault", "createdAt", "updatedAt")
         SELECT pg_temp.v7(${B} + g, 7, g), pg_temp.v7(${B} + g, 1, g), s->>'recipient', s->>'phone', s->>'province',
                s->>'city', s->>'district', s->>'street', s->>'postalCode', true, now(), now()
           FROM generate_series(1, $1::int) g, LATERAL (SELECT ${ADDRESS("g")} AS s) x`,
        [T],
      );
    });
    kv("data_base_s", baseS);

    // The large tables' secondary indexes go, to be built once after the load.
    const indexes = (
      await c.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename IN ('LedgerEntry', 'InvoiceRequest')
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
      )
    ).rows;
    for (const i of indexes) await c.query(`DROP INDEX "${i.name}"`);

    // Chunks of pairs: (first tenant, last tenant, first provider, last provider), ~250k rows each.
    const chunks = (perBig: number, perOther: number) => {
      const out: [number, number, number, number][] = [];
      const bigStep = Math.max(1, Math.floor(250_000 / perBig));
      for (let p = 1; p <= P; p += bigStep) out.push([1, 1, p, Math.min(P, p + bigStep - 1)]);
      const tenantStep = Math.max(1, Math.floor(250_000 / (perOther * P)));
      for (let t = 2; t <= T; t += tenantStep) out.push([t, Math.min(T, t + tenantStep - 1), 1, P]);
      return out;
    };

    // Ledger: row k of pair (t, p); every 20th is a refund (smaller than any consumption before it).
    const ledgerSql = `
      INSERT INTO "LedgerEntry" (id, "tenantId", "providerId", kind, "amountFen", reference, "occurredAt", "createdAt")
      SELECT pg_temp.v7(${B} + ((t - 1) * $6::bigint + (p - 1)) * 100 + k / 1000, 8, ((t - 1) * $6::bigint + (p - 1)) * 100000000 + k),
             pg_temp.v7(${B} + t, 1, t), pg_temp.v7(${B} + p, 2, p),
             CASE WHEN k % 20 = 0 THEN 'REFUND'::"LedgerKind" ELSE 'CONSUMPTION'::"LedgerKind" END,
             CASE WHEN k % 20 = 0 THEN 100 + (k * 7919 + p * 31) % 9900 ELSE 10000 + (k * 104729 + t * 131 + p * 31) % 990000 END,
             CASE WHEN k % 20 = 0 THEN 'RF-' ELSE 'ORD-' END || t || '-' || p || '-' || k,
             ts, ts
        FROM generate_series($1::int, $2::int) t, generate_series($3::int, $4::int) p,
             generate_series(1, CASE WHEN t = 1 THEN $5::int ELSE $7::int END) k,
             LATERAL (SELECT now() - make_interval(secs => ((k * 7919 + p * 104729 + t * 31) % (730 * 86400))::double precision) AS ts) x`;
    const [, ledgerS] = await timed(() =>
      inParallel(
        url,
        jobs,
        chunks(bigLedger, otherLedger).map(([t0, t1, p0, p1]) => ({
          sql: ledgerSql,
          params: [t0, t1, p0, p1, bigLedger, P, otherLedger],
        })),
      ),
    );
    kv("data_ledger_rows", total.ledger);
    kv("data_ledger_s", ledgerS);

    // Requests: row k of pair (t, p), spread over two years newest-first by (k, p); the state by k.
    const requestSql = `
      WITH snap AS MATERIALIZED (
        SELECT t, ${TITLE("t")} AS title, ${ADDRESS("t")} AS address FROM generate_series($1::int, $2::int) t)
      INSERT INTO "InvoiceRequest" (id, number, "tenantId", "providerId", "amountFen", "invoiceType", status, "titleSnapshot",
        "addressSnapshot", "shippingPayer", "dueDate", "invoiceNumber", courier, "trackingNumber", "createdById",
        "createdAt", "updatedAt", "processingAt", "mailingAt", "voidedAt", "cancelledAt")
      SELECT pg_temp.v7(${B} + ((t - 1) * $6::bigint + (p - 1)) * 100 + k / 1000, 9, ((t - 1) * $6::bigint + (p - 1)) * 100000000 + k),
             -- A unique 申请编号 per (pair, k); "MI0…" never meets the API's own "MI20…" numbers.
             'MI0' || lpad((((t - 1) * $6::bigint + (p - 1)) * 100000000 + k)::text, 13, '0'),
             pg_temp.v7(${B} + t, 1, t), pg_temp.v7(${B} + p, 2, p), amount, 'PAPER_VAT_GENERAL', st,
             title, address,
             CASE WHEN amount >= 20000 THEN 'PROVIDER'::"ShippingPayer" ELSE 'RECIPIENT_COD'::"ShippingPayer" END,
             (created + interval '14 days')::date,
             CASE WHEN st IN ('MAILING', 'VOIDED') THEN 'INV' || lpad(k::text, 8, '0') END,
             CASE WHEN st IN ('MAILING', 'VOIDED') THEN 'SF' END,
             CASE WHEN st IN ('MAILING', 'VOIDED') THEN 'SF' || lpad((t * 100000 + k)::text, 12, '0') END,
             pg_temp.v7(${B} + t, 3, t), created, created + interval '1 day',
             CASE WHEN st IN ('PROCESSING', 'MAILING', 'VOIDED') THEN created + interval '1 day' END,
             CASE WHEN st IN ('MAILING', 'VOIDED') THEN created + interval '2 days' END,
             CASE WHEN st = 'VOIDED' THEN created + interval '10 days' END,
             CASE WHEN st = 'CANCELLED' THEN created + interval '1 hour' END
        FROM snap, generate_series($3::int, $4::int) p,
             generate_series(1, CASE WHEN t = 1 THEN $5::int ELSE $7::int END) k,
             LATERAL (SELECT 100 + (k * 7919 + p * 31 + t) % 29900 AS amount,
                             (CASE (k * 7 + p) % 20 WHEN 0 THEN 'PENDING' WHEN 1 THEN 'PENDING' WHEN 2 THEN 'PROCESSING'
                                   WHEN 3 THEN 'PROCESSING' WHEN 4 THEN 'VOIDED' WHEN 5 THEN 'VOIDED' WHEN 6 THEN 'VOIDED'
                                   WHEN 7 THEN 'CANCELLED' WHEN 8 THEN 'CANCELLED' WHEN 9 THEN 'CANCELLED'
                                   ELSE 'MAILING' END)::"InvoiceStatus" AS st,
                             now() - make_interval(secs => (((k - 1) * $6::bigint + (p - 1)) * (730 * 86400)
                                     / (CASE WHEN t = 1 THEN $5::int ELSE $7::int END * $6::bigint))::double precision
                                     + (t % 1000) / 1000.0) AS created) x`;
    const [, requestsS] = await timed(() =>
      inParallel(
        url,
        jobs,
        chunks(bigRequests, otherRequests).map(([t0, t1, p0, p1]) => ({
          sql: requestSql,
          params: [t0, t1, p0, p1, bigRequests, P, otherRequests],
        })),
      ),
    );
    kv("data_request_rows", total.requests);
    kv("data_requests_s", requestsS);

    const [, indexS] = await timed(() =>
      inParallel(
        url,
        jobs,
        indexes.map((i) => ({ sql: i.def, params: [] })),
      ),
    );
    kv("data_index_s", indexS);

    // Balances from the rows themselves.
    const [, balanceS] = await timed(() =>
      c.query(`
        INSERT INTO "Balance" ("tenantId", "providerId", "consumedFen", "refundedFen", "pendingFen", "processingFen",
                               "mailingFen", "issuedFen", "withdrawnFen", "updatedAt")
        SELECT l."tenantId", l."providerId", l.consumed, l.refunded, coalesce(r.pending, 0), coalesce(r.processing, 0),
               coalesce(r.mailing, 0), coalesce(r.issued, 0), 0, now()
          FROM (SELECT "tenantId", "providerId",
                       coalesce(sum("amountFen") FILTER (WHERE kind = 'CONSUMPTION'), 0) AS consumed,
                       coalesce(sum("amountFen") FILTER (WHERE kind = 'REFUND'), 0) AS refunded
                  FROM "LedgerEntry" GROUP BY 1, 2) l
          LEFT JOIN (SELECT "tenantId", "providerId",
                            sum("amountFen") FILTER (WHERE status = 'PENDING') AS pending,
                            sum("amountFen") FILTER (WHERE status = 'PROCESSING') AS processing,
                            sum("amountFen") FILTER (WHERE status = 'MAILING') AS mailing,
                            sum("amountFen") FILTER (WHERE status = 'ISSUED') AS issued
                       FROM "InvoiceRequest" GROUP BY 1, 2) r USING ("tenantId", "providerId")`),
    );
    kv("data_balance_s", balanceS);

    const [, vacuumS] = await timed(async () => {
      for (const table of ["LedgerEntry", "InvoiceRequest", "Balance", "Tenant", "Provider", "User"])
        await c.query(`VACUUM (ANALYZE) "${table}"`);
    });
    kv("data_vacuum_s", vacuumS);

    const check = await c.query<{ bad: string; negative: string; orphans: string }>(`
      SELECT (SELECT count(*) FROM "Balance" b
                LEFT JOIN (SELECT "tenantId", "providerId",
                                  coalesce(sum("amountFen") FILTER (WHERE status = 'PENDING'), 0) AS pending,
                                  coalesce(sum("amountFen") FILTER (WHERE status = 'PROCESSING'), 0) AS processing,
                                  coalesce(sum("amountFen") FILTER (WHERE status = 'MAILING'), 0) AS mailing,
                                  coalesce(sum("amountFen") FILTER (WHERE status = 'ISSUED'), 0) AS issued
                             FROM "InvoiceRequest" GROUP BY 1, 2) r USING ("tenantId", "providerId")
               WHERE b."pendingFen" <> coalesce(r.pending, 0) OR b."processingFen" <> coalesce(r.processing, 0)
                  OR b."mailingFen" <> coalesce(r.mailing, 0) OR b."issuedFen" <> coalesce(r.issued, 0))::text AS bad,
             (SELECT count(*) FROM "Balance"
               WHERE "consumedFen" - "refundedFen" - "pendingFen" - "processingFen" - "mailingFen" - "issuedFen" < 0)::text AS negative,
             (SELECT count(*) FROM "InvoiceRequest" r WHERE NOT EXISTS (SELECT 1 FROM "Tenant" t WHERE t.id = r."tenantId")
                  OR NOT EXISTS (SELECT 1 FROM "Provider" p WHERE p.id = r."providerId"))::text AS orphans`);
    const { bad, negative, orphans } = check.rows[0]!;
    kv("data_violations", Number(bad) + Number(orphans));
    kv("data_over_invoiced_pairs", Number(negative));
    if (Number(bad) + Number(orphans) > 0)
      throw new Error(`generated data is inconsistent: ${JSON.stringify(check.rows[0])}`);

    const size = await c.query<{ s: string }>(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS s`,
    );
    kv("data_size", size.rows[0]!.s.replace(" ", ""));

    const shape: DataShape = {
      scale,
      tenants: T,
      providers: P,
      ledgerRows: total.ledger,
      requestRows: total.requests,
      bigTenantRequests: bigRequests * P,
      bigAdmin: "admin-1@bench.test",
      generatedAt: new Date().toISOString(),
    };
    await c.query(
      `COMMENT ON DATABASE ${database} IS '${MARKER}${JSON.stringify(shape).replaceAll("'", "''")}'`,
    );
    kv("data_total_s", (performance.now() - started) / 1000);
    return shape;
  } finally {
    await c.end();
  }
}
