// Benchmark: the API against PostgreSQL itself, side by side in one run (the machines are noisy).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @mic/bench records [rows] [seconds]
// A: keyset pages of a tenant's records among `rows` requests (default 1,000,000) — the API
//    over HTTP vs the same SQL sent straight to PostgreSQL.
// B: 64 concurrent clients applying for invoices at one provider for `seconds` (default 10) —
//    the API vs the same transaction in raw SQL; then the balance invariant is checked.
import { performance } from "node:perf_hooks";
import { buildApp } from "@mic/api/app";
import { applyMigrations, createPrisma, seedDemoData } from "@mic/db";
import pg from "pg";

const admin = process.env.DATABASE_URL;
if (!admin)
  throw new Error(
    "Set DATABASE_URL to a PostgreSQL admin URL (the bench creates database mic_bench_records).",
  );
const ROWS = Number(process.argv[2] ?? 1_000_000);
const SECONDS = Number(process.argv[3] ?? 10);
const CLIENTS = 64;

const url = new URL(admin);
url.pathname = "/mic_bench_records";
const adminClient = new pg.Client({ connectionString: admin });
await adminClient.connect();
await adminClient.query("DROP DATABASE IF EXISTS mic_bench_records WITH (FORCE)");
await adminClient.query("CREATE DATABASE mic_bench_records");
await adminClient.end();
await applyMigrations(url.toString());
const prisma = createPrisma(url.toString(), { max: Number(process.env.BENCH_POOL ?? 10) });
await seedDemoData(prisma);

const sql = new pg.Pool({ connectionString: url.toString(), max: CLIENTS });
const [acme] = (await sql.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE name LIKE 'Acme%'`)).rows;
const [cloudsoft] = (
  await sql.query<{ id: string }>(`SELECT id FROM "Provider" WHERE name LIKE 'CloudSoft%'`)
).rows;
const [acmeUser] = (await sql.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@acme.test'`))
  .rows;
if (!acme || !cloudsoft || !acmeUser) throw new Error("seed missing");

console.log(`Loading ${ROWS.toLocaleString()} closed invoice requests …`);
const t0 = performance.now();
for (let done = 0; done < ROWS; done += 100_000) {
  const n = Math.min(100_000, ROWS - done);
  // Closed requests (cancelled/voided) hold no balance, so the invariants stay true.
  await sql.query(
    `INSERT INTO "InvoiceRequest" ("id","tenantId","providerId","amountFen","invoiceType","status","titleSnapshot","addressSnapshot","shippingPayer","dueDate","createdById","createdAt","updatedAt")
     SELECT gen_random_uuid(), t.id, p.id, 100 + (g % 100000), 'PAPER_VAT_GENERAL',
            CASE WHEN g % 2 = 0 THEN 'CANCELLED'::"InvoiceStatus" ELSE 'VOIDED'::"InvoiceStatus" END,
            '{"type":"ENTERPRISE","name":"Bench"}'::jsonb, '{"recipient":"Bench"}'::jsonb, 'PROVIDER',
            current_date, $1::uuid, now() - (g || ' seconds')::interval, now()
       FROM generate_series($2::int, $3::int) g
       JOIN LATERAL (SELECT id FROM "Tenant" ORDER BY id OFFSET (g % 2) LIMIT 1) t ON true
       JOIN LATERAL (SELECT id FROM "Provider" ORDER BY id OFFSET (g % 3) LIMIT 1) p ON true`,
    [acmeUser.id, done + 1, done + n],
  );
}
await sql.query(`ANALYZE`);
console.log(`  loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const app = await buildApp({ prisma, sessionSecret: "bench", logLevel: "silent", mutationsPerMinute: 0 });
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
const login = await fetch(`${base}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "admin@acme.test", password: "demo-password" }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const row = (label: string, api: number[], raw: number[]) =>
  console.log(
    `  ${label.padEnd(34)} API p50 ${pct(api, 50).toFixed(2).padStart(7)} ms  p95 ${pct(api, 95).toFixed(2).padStart(7)} ms │ ` +
      `SQL p50 ${pct(raw, 50).toFixed(2).padStart(6)} ms  p95 ${pct(raw, 95).toFixed(2).padStart(6)} ms │ ratio p50 ${(pct(api, 50) / pct(raw, 50)).toFixed(1)}×`,
  );

const KEYSET = `SELECT r.*, p.name AS "providerName", t.name AS "tenantName" FROM "InvoiceRequest" r
  JOIN "Provider" p ON p.id = r."providerId" JOIN "Tenant" t ON t.id = r."tenantId"
  WHERE r."tenantId" = $1 AND ($2::timestamptz IS NULL OR (r."createdAt", r.id) < ($2::timestamptz, $3::uuid)) %STATUS%
  ORDER BY r."createdAt" DESC, r.id DESC LIMIT 21`;

async function walk(filter: string, pages: number) {
  const api: number[] = [];
  const raw: number[] = [];
  let cursor: string | null = null;
  let last: { createdAt: Date; id: string } | null = null;
  const status = filter ? `AND r.status = 'VOIDED'` : "";
  for (let i = 0; i < pages; i++) {
    let t = performance.now();
    const res = await fetch(
      `${base}/api/invoice-requests?limit=20${filter}${cursor ? `&cursor=${cursor}` : ""}`,
      { headers: { cookie } },
    );
    const body = (await res.json()) as { nextCursor: string | null };
    api.push(performance.now() - t);
    cursor = body.nextCursor;
    t = performance.now();
    const r: pg.QueryResult<{ createdAt: Date; id: string }> = await sql.query(
      KEYSET.replace("%STATUS%", status),
      [acme!.id, last?.createdAt ?? null, last?.id ?? null],
    );
    raw.push(performance.now() - t);
    last = r.rows[19] ?? null;
  }
  return { api, raw };
}

console.log(`\nA. Records (keyset pages of 20, tenant Acme, ${ROWS.toLocaleString()} requests in all)`);
await walk("", 20); // warm-up
const first: { api: number[]; raw: number[] } = { api: [], raw: [] };
for (let i = 0; i < 100; i++) {
  const w = await walk("", 1);
  first.api.push(...w.api);
  first.raw.push(...w.raw);
}
row("first page", first.api, first.raw);
const deep = await walk("", 200);
row("walking 200 pages deep", deep.api, deep.raw);
const filtered = await walk("&status=VOIDED", 200);
row("status=VOIDED, 200 pages", filtered.api, filtered.raw);

console.log(`\nB. Applications: ${CLIENTS} concurrent clients for ${SECONDS} s at one provider`);
async function load(fn: () => Promise<boolean>) {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        if (!(await fn())) failures++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, failures, rps: latencies.length / SECONDS };
}
const ids = {
  title: (await sql.query<{ id: string }>(`SELECT id FROM "InvoiceTitle" WHERE "tenantId" = $1`, [acme.id]))
    .rows[0]!.id,
  address: (
    await sql.query<{ id: string }>(`SELECT id FROM "MailingAddress" WHERE "tenantId" = $1`, [acme.id])
  ).rows[0]!.id,
};
const body = JSON.stringify({
  providerId: cloudsoft.id,
  amount: "0.01",
  invoiceType: "PAPER_VAT_GENERAL",
  titleId: ids.title,
  addressId: ids.address,
});
const viaApi = await load(async () => {
  const res = await fetch(`${base}/api/invoice-requests`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body,
  });
  await res.arrayBuffer();
  return res.status === 201;
});
const viaSql = await load(async () => {
  const c = await sql.connect();
  try {
    await c.query("BEGIN");
    const u = await c.query(
      `UPDATE "Balance" SET "pendingFen" = "pendingFen" + 1 WHERE "tenantId" = $1 AND "providerId" = $2
         AND "consumedFen" - "refundedFen" - "pendingFen" - "processingFen" - "mailingFen" - "issuedFen" >= 1`,
      [acme.id, cloudsoft.id],
    );
    const r = await c.query<{ id: string }>(
      // The day's next request number (SPEC §11), as mic_apply_invoice takes it.
      `WITH n AS (
         INSERT INTO "RequestNumberDay" ("day", "last") VALUES ((now() AT TIME ZONE 'Asia/Shanghai')::date, 1)
         ON CONFLICT ("day") DO UPDATE SET "last" = "RequestNumberDay"."last" + 1 RETURNING "day", "last")
       INSERT INTO "InvoiceRequest" ("id","number","tenantId","providerId","amountFen","invoiceType","status","titleSnapshot","addressSnapshot","shippingPayer","dueDate","createdById","updatedAt")
       SELECT gen_random_uuid(), 'MI' || to_char(n."day", 'YYYYMMDD') || lpad(n."last"::text, 6, '0'), $1, $2, 1,
              'PAPER_VAT_GENERAL', 'PENDING', '{}'::jsonb, '{}'::jsonb, 'RECIPIENT_COD', current_date + 14, $3, now()
         FROM n RETURNING id`,
      [acme.id, cloudsoft.id, acmeUser.id],
    );
    await c.query(
      `INSERT INTO "AuditEvent" ("id","actorId","actorRole","tenantId","action","entityType","entityId","toStatus") VALUES (gen_random_uuid(), $1, 'ENTERPRISE_ADMIN', $2, 'APPLY', 'InvoiceRequest', $3, 'PENDING')`,
      [acmeUser.id, acme.id, r.rows[0]!.id],
    );
    await c.query("COMMIT");
    return u.rowCount === 1;
  } finally {
    c.release();
  }
});
console.log(
  `  API: ${viaApi.rps.toFixed(0)} applications/s, p50 ${pct(viaApi.latencies, 50).toFixed(1)} ms, p95 ${pct(viaApi.latencies, 95).toFixed(1)} ms, refused ${viaApi.failures}`,
);
console.log(
  `  SQL: ${viaSql.rps.toFixed(0)} applications/s, p50 ${pct(viaSql.latencies, 50).toFixed(1)} ms, p95 ${pct(viaSql.latencies, 95).toFixed(1)} ms, refused ${viaSql.failures}`,
);
console.log(
  `  ratio: the API reaches ${((viaApi.rps / viaSql.rps) * 100).toFixed(0)}% of raw SQL throughput`,
);

const check = await sql.query<{ balance: string; sum: string }>(
  `SELECT b."pendingFen"::text AS balance, (SELECT COALESCE(SUM("amountFen"),0)::text FROM "InvoiceRequest" WHERE "tenantId" = $1 AND "providerId" = $2 AND status = 'PENDING') AS sum
     FROM "Balance" b WHERE b."tenantId" = $1 AND b."providerId" = $2`,
  [acme.id, cloudsoft.id],
);
const ok = check.rows[0]?.balance === check.rows[0]?.sum;
console.log(
  `\nInvariant Balance.pendingFen = Σ pending requests: ${check.rows[0]?.balance} = ${check.rows[0]?.sum} → ${ok ? "holds" : "BROKEN"}`,
);

await app.close();
await prisma.$disconnect();
await sql.end();
process.exit(ok ? 0 : 1);
