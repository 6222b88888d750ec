/**
 * Fuzzing as a test (issue 7 deliverable 5). Every route of the app's own route table is fed from
 * its own zod schemas (body, querystring, params): a valid-ish value built from the schema's keys
 * and enums (with known-good samples for the fields that need them), then mutated with fast-check:
 * wrong types, missing and extra fields, huge strings, NUL, lone surrogates, RTL and emoji,
 * prototype keys; plus fixed malformed cases: broken JSON, non-JSON content types, bad path ids
 * (non-UUID, huge, `%ZZ`), forged but well-formed keyset cursors, out-of-range dates and bad limits.
 *
 * Every answer is checked: no 5xx; every 4xx in the spec's shape
 * `{ error: { code, message, fields? } }`; and a refused request changes nothing (the row counts of
 * the main tables and of AuditEvent are the same before and after it).
 *
 * Modes: by default a few hundred cases (under ~20 s); `FUZZ_LONG=1` runs 1,000 generated cases per
 * route (`FUZZ_RUNS=n` sets that number). A failure names the route, the request and the fast-check
 * seed; `FUZZ_SEED=<seed>` replays the generated cases.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { RouteEntry } from "../src/app";
import { DEMO, useHarness, type Ids } from "./harness";
import { chinaDate } from "@mic/domain";
import { openReturn, PDF, RED_LETTER_NUMBER, requestIn, upload } from "./flow";

const h = useHarness();

const LONG = process.env.FUZZ_LONG === "1";
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 1000 : 6));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2_147_483_647;

const PRINCIPALS = ["anon", "acme", "globex", "cloudsoft", "datawise", "support"] as const;
type Principal = (typeof PRINCIPALS)[number];
const ACCOUNTS = {
  acme: DEMO.acme,
  globex: DEMO.globex,
  cloudsoft: DEMO.cloudsoft,
  datawise: DEMO.datawise,
  support: DEMO.support,
};

/** The spec's error shape, exactly (SPEC §8). */
const errorShape = z
  .object({
    error: z
      .object({
        code: z.string().min(1),
        message: z.string().min(1),
        fields: z.record(z.string(), z.string()).optional(),
      })
      .strict(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00",
  "\ud83d",
  "\udfff\ud800",
  "\u202e\u0645\u0631\u062d\u0628\u0627 RTL",
  "עברית",
  "😀👍🏽👨‍👩‍👧",
  "\ufeff",
  "\u200b\u200d",
  '\'; DROP TABLE "InvoiceTitle";--',
  "<script>alert(1)</script>",
  "%00",
  "../../etc/passwd",
  "${7*7}{{7*7}}",
  "0",
  "-1",
  "1e309",
  "NaN",
  "null",
  "__proto__",
  "constructor",
  "\\",
  '"',
  "\r\n",
  "x".repeat(201),
  "长".repeat(1001),
  "9".repeat(400),
];
const HUGE_STRINGS = ["x".repeat(100_000), "好".repeat(50_000), "😀".repeat(20_000)];
const WRONG_TYPES: unknown[] = [
  0,
  -1,
  1.5,
  1e21,
  2 ** 60,
  true,
  false,
  null,
  [],
  ["a"],
  {},
  { a: 1 },
  [[[]]],
];

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
);
const wrongType = fc.constantFrom(...WRONG_TYPES);

const DATES = [
  "0000-01-01",
  "0001-01-01",
  "9999-12-31",
  "2026-02-30",
  "2026-13-01",
  "2026-1-1",
  "1999-12-31",
  "2100-01-01",
  "-001-01-01",
  "+02026-01-01",
  "2026-02-28T00:00:00Z",
  "2026/02/28",
  "",
];
const LIMITS = [
  "0",
  "-1",
  "101",
  "1e9",
  "abc",
  "",
  "1.5",
  "NaN",
  "Infinity",
  "100000000000000000000",
  "0x10",
  " 5",
];

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const NIL = "00000000-0000-0000-0000-000000000000";
const SOME_UUID = "01a2b3c4-d5e6-7f80-9a1b-2c3d4e5f6a7b";
/** Forged but well-formed keyset cursors: base64url JSON with the wrong types, dates and ids. */
const CURSORS = [
  b64(["2026-01-01T00:00:00.000Z", "not-a-uuid"]),
  b64(["2026-01-01T00:00:00.000Z", 42]),
  b64([123, SOME_UUID]),
  b64(["0000-01-01T00:00:00.000Z", SOME_UUID]),
  b64(["+275760-09-13T00:00:00.000Z", SOME_UUID]),
  b64(["2026-02-30T00:00:00.000Z", SOME_UUID]),
  b64(["9999-12-31T23:59:59.999Z", NIL]),
  b64(["2026-01-01T00:00:00.000Z", "x\u0000"]),
  b64(["2026-01-01T00:00:00.000Z", SOME_UUID, "extra"]),
  b64(["2026-01-01", "2026-01-01T00:00:00.000Z", SOME_UUID]),
  b64(["0000-01-01", "2026-01-01T00:00:00.000Z", SOME_UUID]),
  b64(["2026-13-45", "2026-01-01T00:00:00.000Z", SOME_UUID]),
  b64({ createdAt: "2026-01-01T00:00:00.000Z", id: SOME_UUID }),
  b64([]),
  b64(null),
  b64("just a string"),
  b64('["unterminated'),
  "!!!",
  "%00",
  "a".repeat(300),
];

// ---------------------------------------------------------------------------------------------
// The zod schemas of a route, read as shapes
// ---------------------------------------------------------------------------------------------

type AnyZod = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnyZod>;
  left?: AnyZod;
  right?: AnyZod;
  in?: AnyZod;
  innerType?: AnyZod;
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (s: AnyZod) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The fields of an object schema (through intersections, pipes, optional and default wrappers). */
function shapeOf(schema: unknown): Record<string, AnyZod> {
  if (!schema || typeof schema !== "object" || !("_zod" in schema)) return {};
  const def = defOf(schema as AnyZod);
  if (def.type === "object") return def.shape ?? {};
  if (def.type === "intersection") return { ...shapeOf(def.left), ...shapeOf(def.right) };
  if (def.type === "pipe") return shapeOf(def.in);
  if (def.innerType) return shapeOf(def.innerType);
  return {};
}

function unwrap(s: AnyZod): { def: Def; optional: boolean } {
  let def = defOf(s);
  let optional = false;
  for (;;) {
    if (def.type === "optional" || def.type === "default" || def.type === "nullable") optional = true;
    const next = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!next) return { def, optional };
    def = defOf(next);
  }
}

// ---------------------------------------------------------------------------------------------
// Known-good samples per field name (the schema says "a string"; the domain says which)
// ---------------------------------------------------------------------------------------------

let ids: Ids;
const cookies = {} as Record<Exclude<Principal, "anon">, string>;
const fixtures = {
  titles: [] as string[],
  addresses: [] as string[],
  requests: [] as string[],
  tickets: [] as string[],
  /** Electronic requests (PROCESSING, with files) and their files; return requests. */
  eRequests: [] as string[],
  files: [] as string[],
  returns: [] as string[],
  numbers: [] as string[],
  defaults: { titleId: "", addressId: "", globexTitleId: "", taxpayerId: "" },
};
let counter = 0;

function samples(key: string): unknown[] | undefined {
  const ref = () => `FZ-${(counter++).toString(36)}`;
  switch (key) {
    case "email":
      return [DEMO.acme, "nobody@example.test", "ADMIN@ACME.TEST"];
    case "password":
      return ["demo-password", "wrong-password"];
    case "name":
      return ["Acme 科技有限公司", "张三", "节日"];
    case "taxpayerId":
      return [fixtures.defaults.taxpayerId, null, "91350211M0000XUH4G"];
    case "registeredAddress":
    case "bankName":
      return ["上海市浦东新区世纪大道 100 号", null];
    case "registeredPhone":
      return ["021-12345678", null];
    case "bankAccount":
      return ["6222020200112233445", null];
    case "recipient":
      return ["张三"];
    case "phone":
      return ["13800138000"];
    case "province":
    case "city":
      return ["上海市"];
    case "district":
      return ["浦东新区"];
    case "street":
      return ["世纪大道 100 号"];
    case "postalCode":
      return ["200120"];
    case "providerId":
      return [ids.cloudsoft, ids.datawise, ids.netguard, SOME_UUID];
    case "tenantId":
      return [ids.acme, ids.globex, SOME_UUID];
    case "titleId":
      return [fixtures.defaults.titleId, fixtures.defaults.globexTitleId];
    case "addressId":
      return [fixtures.defaults.addressId];
    case "requestId":
      return [...fixtures.requests.slice(0, 3), SOME_UUID];
    case "amount":
      return ["0.01", "1.00", "99999999999.99", "0", "-1", "1.001", "abc", "1e3"];
    case "invoiceNumber":
      return ["04403299", "12345678901234567890"];
    case "trackingNumber":
    case "returnTrackingNumber":
      return ["SF9876543210", "YT1234567890"];
    case "courierName":
      return ["顺丰速运"];
    case "message":
    case "reason":
      return ["抬头有误，已寄回", "退票"];
    case "reference":
      return [ref(), ref()];
    case "date":
    case "from":
    case "to":
      return ["2026-10-01", "2098-05-04", "2000-01-01", "2099-12-31"];
    case "limit":
      return ["1", "20", "100"];
    case "cursor":
      return [undefined];
    case "year":
      return ["2026", "1999", "2101"];
    case "entityType":
      return ["InvoiceRequest", "Ticket", "InvoiceTitle"];
    case "entityId":
      return [fixtures.requests[0], SOME_UUID];
    case "action":
      return ["CANCEL", "SHIP"];
    case "isDefault":
      return [false, true];
    case "url":
      return ["https://93.184.216.34/hook", "http://127.0.0.1:9/x", "ftp://example.test/"];
    case "events":
      return [["invoice_request.created"], ["ticket.created", "ticket.resolved"], []];
    case "month":
      return ["2026-12", "2026-13", "1999-01"];
    case "unread":
      return ["true", "false"];
    case "issuedOn":
      return [chinaDate(new Date()), "2026-10-01", "2098-01-01"];
    case "fileIds":
      return [fixtures.files.slice(0, 1), fixtures.files, [SOME_UUID], []];
    case "redLetterNumber":
      return [RED_LETTER_NUMBER, "123"];
    case "courier":
      return ["SF", "顺丰速运", "安能物流"];
    case "q":
      return [...fixtures.numbers.slice(0, 1), "SF9876543210", "04403299", ""];
    default:
      return undefined;
  }
}

/** A valid-ish value of one field: a known-good sample, an enum member, or a plain value of its type. */
function fieldValue(key: string, schema: AnyZod): fc.Arbitrary<unknown> {
  const known = samples(key);
  if (known) return fc.constantFrom(...known);
  const { def } = unwrap(schema);
  if (def.type === "enum") return fc.constantFrom(...Object.values(def.entries ?? {}));
  if (def.type === "literal") return fc.constantFrom(...(def.values ?? []));
  if (def.type === "boolean") return fc.boolean();
  if (def.type === "number") return fc.integer({ min: -5, max: 200 });
  return fc.string({ maxLength: 20 });
}

/** A valid-ish object of a schema: every required field, each optional one half of the time. */
function objectOf(schema: unknown): fc.Arbitrary<Record<string, unknown>> {
  const shape = shapeOf(schema);
  const keys = Object.keys(shape);
  if (keys.length === 0) return fc.constant({});
  const parts = Object.fromEntries(
    keys.map((k) => {
      const value = fieldValue(k, shape[k]!);
      return [k, unwrap(shape[k]!).optional ? fc.option(value, { nil: undefined, freq: 2 }) : value];
    }),
  );
  return fc
    .record(parts)
    .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

const DROP = Symbol("drop");

/** The first known-good value of every field (required and optional). */
function baseOf(schema: unknown): Record<string, unknown> {
  const shape = shapeOf(schema);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const known = samples(key);
    const { def } = unwrap(field);
    const value = known
      ? known[0]
      : def.type === "enum"
        ? Object.values(def.entries ?? {})[0]
        : def.type === "boolean"
          ? false
          : undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function withField(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  if (value === DROP) delete out[key];
  else out[key] = value;
  return out;
}

type Mutation =
  | { kind: "set"; key: string; value: unknown }
  | { kind: "drop"; key: string }
  | { kind: "proto"; key: "__proto__" | "constructor" | "prototype"; value: unknown };

function mutations(keys: string[]): fc.Arbitrary<Mutation[]> {
  const key = fc.constantFrom(...keys, "extraField", "id", "tenantId", "status");
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), key, value: nastyString }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("set" as const), key, value: wrongType }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), key }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("proto" as const),
        key: fc.constantFrom("__proto__" as const, "constructor" as const, "prototype" as const),
        value: fc.constantFrom<unknown>(
          { isDefault: true, tenantId: SOME_UUID },
          { prototype: { polluted: 1 } },
          "x",
          null,
        ),
      }),
    },
  );
  return fc.array(mutation, { minLength: 0, maxLength: 3 });
}

function apply(base: Record<string, unknown>, list: Mutation[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const m of list) {
    if (m.kind === "drop") delete out[m.key];
    // An own enumerable "__proto__" key, as a hostile JSON text would carry it.
    else
      Object.defineProperty(out, m.key, {
        value: m.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
  }
  return out;
}

/** Percent-encodes the UTF-8 of a string (lone surrogates become U+FFFD, as on the wire). */
const enc = (v: unknown) =>
  [...Buffer.from(typeof v === "string" ? v : (JSON.stringify(v) ?? "null"), "utf8")]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");

function queryString(q: Record<string, unknown>): string {
  const parts = Object.entries(q).flatMap(([k, v]) =>
    Array.isArray(v) ? v.map((x) => `${enc(k)}=${enc(x)}`) : [`${enc(k)}=${enc(v)}`],
  );
  return parts.length ? `?${parts.join("&")}` : "";
}

// ---------------------------------------------------------------------------------------------
// Requests and checks
// ---------------------------------------------------------------------------------------------

interface Case {
  principal: Principal;
  method: string;
  url: string;
  /** A JSON text, or any raw text with `contentType`. */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const COUNTED = [
  "Tenant",
  "User",
  "Provider",
  "LedgerEntry",
  "Balance",
  "InvoiceTitle",
  "MailingAddress",
  "InvoiceRequest",
  "Ticket",
  "Withdrawal",
  "CalendarDay",
  "InvoiceFile",
  "ReturnRequest",
  "AuditEvent",
] as const;

/** Row counts of the main tables, the audit trail, and a digest of every row's last change. */
async function stateOf(): Promise<string> {
  const counts = COUNTED.map((t) => `(SELECT count(*) FROM "${t}")::text`).join(" || ',' || ");
  const changes = ["InvoiceTitle", "MailingAddress", "InvoiceRequest", "Ticket", "Balance", "ReturnRequest"]
    .map((t) => `(SELECT coalesce(max("updatedAt")::text, '') FROM "${t}")`)
    .join(" || ',' || ");
  const rows = await h.prisma.$queryRawUnsafe<{ s: string }[]>(`SELECT ${counts} || '|' || ${changes} AS s`);
  return rows[0]!.s;
}

let before = "";
let cases = 0;
const statusCounts = new Map<number, number>();

/** Sends one case; returns what is wrong with the answer, or null. */
async function run(c: Case): Promise<string | null> {
  cases++;
  const cookie = c.principal === "anon" ? undefined : cookies[c.principal];
  let res;
  try {
    res = await h.app.inject({
      method: c.method as "GET",
      url: c.url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(c.body !== undefined ? { "content-type": c.contentType ?? "application/json" } : {}),
        ...c.headers,
      },
      ...(c.body !== undefined ? { payload: c.body } : {}),
    });
  } catch (error) {
    return `no answer: ${(error as Error).message}`;
  }
  statusCounts.set(res.statusCode, (statusCounts.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 400) {
    if (c.method !== "HEAD") {
      let json: unknown;
      try {
        json = res.json();
      } catch {
        return `${res.statusCode} not JSON: ${res.body.slice(0, 200)}`;
      }
      const shape = errorShape.safeParse(json);
      if (!shape.success) return `${res.statusCode} not the error shape: ${res.body.slice(0, 300)}`;
    }
    const after = await stateOf();
    if (after !== before) return `${res.statusCode} but the database changed: ${before} → ${after}`;
    return null;
  }
  before = await stateOf();
  return null;
}

const describeCase = (c: Case) =>
  `${c.principal} ${c.method} ${c.url.slice(0, 300)}${c.body !== undefined ? ` ${c.contentType ?? "json"} ${JSON.stringify(c.body.slice(0, 300))}` : ""}`;

// ---------------------------------------------------------------------------------------------
// Per route: who may call it, valid path values, fixed malformed cases, generated cases
// ---------------------------------------------------------------------------------------------

const MUTATING = new Set(["POST", "PATCH", "PUT", "DELETE"]);
const allowed = new Map<string, Principal[]>();

function paramValues(route: RouteEntry): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of route.url.match(/:(\w+)/g)?.map((p) => p.slice(1)) ?? []) {
    if (name === "date") out[name] = ["2098-07-01", "2098-07-02"];
    else if (name === "fileId") out[name] = fixtures.files;
    else if (route.url.startsWith("/api/return-requests")) out[name] = fixtures.returns;
    else if (route.url.includes("/files")) out[name] = fixtures.eRequests;
    else if (route.url.startsWith("/api/invoice-titles")) out[name] = fixtures.titles;
    else if (route.url.startsWith("/api/mailing-addresses")) out[name] = fixtures.addresses;
    else if (route.url.startsWith("/api/tickets")) out[name] = fixtures.tickets;
    else out[name] = fixtures.requests;
  }
  return out;
}

const BAD_PATH_VALUES = [
  "abc",
  NIL,
  SOME_UUID,
  SOME_UUID.toUpperCase(),
  "a".repeat(65),
  "a".repeat(1000),
  "%ZZ",
  "%00",
  "%ED%A0%80",
  "%F0%9F%98%80",
  "..%2F..%2Fetc",
  "0000-01-01",
  "9999-12-31",
  "2026-02-30",
  "__proto__",
  "constructor",
];

const fillPath = (url: string, values: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? "x").replace("/*", "/swagger-ui.css");

function fixedCases(route: RouteEntry, who: Principal): Case[] {
  const out: Case[] = [];
  const params = paramValues(route);
  const firstParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v[0] ?? NIL]));
  const path = fillPath(route.url, firstParams);
  const schema = (route.schema ?? {}) as { body?: unknown; querystring?: unknown; params?: unknown };

  // Bad path ids, for every parameter.
  for (const name of Object.keys(params))
    for (const bad of LONG ? BAD_PATH_VALUES : BAD_PATH_VALUES.filter((_, i) => i % 2 === 0 || i === 7))
      out.push({
        principal: who,
        method: route.method,
        url: fillPath(route.url, { ...firstParams, [name]: bad }),
        body: route.method === "GET" || route.method === "DELETE" ? undefined : "{}",
      });

  // Querystrings: bad limits, forged cursors, out-of-range dates, prototype keys.
  const query = shapeOf(schema.querystring);
  if ("limit" in query)
    for (const limit of LIMITS)
      out.push({ principal: who, method: route.method, url: `${path}?limit=${enc(limit)}` });
  if ("cursor" in query)
    for (const cursor of CURSORS)
      out.push({ principal: who, method: route.method, url: `${path}?cursor=${enc(cursor)}` });
  for (const field of ["from", "to", "date"].filter((f) => f in query))
    for (const date of DATES)
      out.push({ principal: who, method: route.method, url: `${path}?${field}=${enc(date)}` });
  if (Object.keys(query).length) {
    out.push({
      principal: who,
      method: route.method,
      url: `${path}?__proto__[x]=1&constructor[prototype][y]=1`,
    });
    out.push({
      principal: who,
      method: route.method,
      url: `${path}?${Object.keys(query)[0]}=%ED%A0%80&${Object.keys(query)[0]}=a%00b`,
    });
  }

  // Bodies: malformed JSON and other content types.
  if (schema.body) {
    const raw: [string, string][] = [
      ["{", "application/json"],
      ['{"a":}', "application/json"],
      ["", "application/json"],
      ["null", "application/json"],
      ["[]", "application/json"],
      ['"text"', "application/json"],
      ["1", "application/json"],
      ["\ufeff{}", "application/json"],
      ['{"__proto__":{"isDefault":true}}', "application/json"],
      ['{"constructor":{"prototype":{"polluted":true}}}', "application/json"],
      [JSON.stringify({ pad: "x".repeat(1024 * 1024 + 10) }), "application/json"],
      ["a=1&b=2", "application/x-www-form-urlencoded"],
      ["hello", "text/plain"],
      ["<a/>", "application/xml"],
      [
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
        "multipart/form-data; boundary=x",
      ],
      ["{}", "application/json; charset=utf-16"],
      ["{}", "application/jsonp"],
    ];
    for (const [body, contentType] of raw)
      out.push({ principal: who, method: route.method, url: path, body, contentType });
  }

  // Uploads: hostile multipart bodies (SPEC §12's route takes no JSON).
  if (route.method === "POST" && route.url.endsWith("/files")) {
    const part = (head: string, content: string) => `--x\r\n${head}\r\n\r\n${content}\r\n--x--\r\n`;
    const multipart: [string, string][] = [
      [
        part('Content-Disposition: form-data; name="file"; filename="a.pdf"', "not a pdf"),
        "multipart/form-data; boundary=x",
      ],
      [
        part('Content-Disposition: form-data; name="file"; filename="a.pdf"', "%PDF-1.4"),
        "multipart/form-data; boundary=y",
      ],
      [part('Content-Disposition: form-data; name="file"', "%PDF-1.4"), "multipart/form-data; boundary=x"],
      [
        part(
          'Content-Disposition: form-data; name="file"; filename="' + "长".repeat(400) + '.pdf"',
          "%PDF-1.4",
        ),
        "multipart/form-data; boundary=x",
      ],
      [part("Content-Type: application/pdf", "%PDF-1.4"), "multipart/form-data; boundary=x"],
      [
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4',
        "multipart/form-data; boundary=x",
      ],
      ["", "multipart/form-data; boundary=x"],
      [
        part('Content-Disposition: form-data; name="file"; filename="a.pdf"', "%PDF-1.4"),
        "multipart/form-data",
      ],
      [
        part('Content-Disposition: form-data; name="file"; filename="\u0000.pdf"', "<html></html>"),
        "multipart/mixed; boundary=x",
      ],
    ];
    for (const [body, contentType] of multipart)
      out.push({ principal: who, method: route.method, url: path, body, contentType });
  }

  // Field by field, in an otherwise valid body or query: NUL, lone surrogates, wrong type, huge, missing.
  // Every field × these (the long mode adds more of them).
  const FIELD_CASES: unknown[] = LONG
    ? ["a\u0000b", "\ud800", "x\udc00y", "😀\u202e", 12345, null, ["a"], "x".repeat(10_000), DROP]
    : ["a\u0000b", "\ud800", 12345, "x".repeat(10_000), DROP];
  if (schema.body) {
    const base = baseOf(schema.body);
    for (const key of [...Object.keys(shapeOf(schema.body)), "extraField"])
      for (const value of FIELD_CASES)
        out.push({
          principal: who,
          method: route.method,
          url: path,
          body: JSON.stringify(withField(base, key, value)),
        });
  }
  if (Object.keys(query).length) {
    const base = baseOf(schema.querystring);
    for (const key of Object.keys(query))
      for (const value of FIELD_CASES.filter((v) => typeof v === "string"))
        out.push({
          principal: who,
          method: route.method,
          url: `${path}${queryString(withField(base, key, value))}`,
        });
  }

  // Signed out, and a role the route is not for: refused in the shape too.
  const wrongRole = PRINCIPALS.find(
    (p) => p !== "anon" && !allowed.get(`${route.method} ${route.url}`)?.includes(p),
  );
  for (const p of ["anon", ...(wrongRole ? [wrongRole] : [])] as Principal[])
    out.push({ principal: p, method: route.method, url: path, ...(schema.body ? { body: "{}" } : {}) });
  if (route.method === "GET") out.push({ principal: who, method: "HEAD", url: path });
  // Idempotency keys too long, or replayed with another body.
  if (MUTATING.has(route.method) && route.url !== "/api/auth/login" && route.url !== "/api/auth/logout") {
    out.push({
      principal: who,
      method: route.method,
      url: path,
      body: "{}",
      headers: { "idempotency-key": "k".repeat(201) },
    });
  }
  return out;
}

function generated(route: RouteEntry, who: Principal[]): fc.Arbitrary<Case> {
  const schema = (route.schema ?? {}) as { body?: unknown; querystring?: unknown };
  const params = paramValues(route);
  const paramArb = fc.record(
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [
        k,
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...(v.length ? v : [NIL])) },
          { weight: 1, arbitrary: fc.constantFrom(...BAD_PATH_VALUES) },
        ),
      ]),
    ),
  );
  const queryKeys = Object.keys(shapeOf(schema.querystring));
  const bodyKeys = Object.keys(shapeOf(schema.body));
  const query = queryKeys.length
    ? fc.tuple(objectOf(schema.querystring), mutations(queryKeys)).map(([b, m]) => apply(b, m))
    : fc.constant(undefined);
  const body = schema.body
    ? fc.tuple(objectOf(schema.body), mutations(bodyKeys)).map(([b, m]) => apply(b, m))
    : fc.constant(undefined);
  const key = fc.option(fc.constantFrom("fuzz-a", "fuzz-b", "fuzz-c"), { freq: 3 });
  return fc
    .record({
      principal: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...who) },
        { weight: 1, arbitrary: fc.constantFrom(...PRINCIPALS) },
      ),
      params: paramArb,
      query,
      body,
      key,
    })
    .map(({ principal, params: p, query: q, body: b, key: k }): Case => ({
      principal,
      method: route.method,
      url: fillPath(route.url, p as Record<string, string>) + (q ? queryString(q) : ""),
      ...(b ? { body: JSON.stringify(b) } : {}),
      ...(k && MUTATING.has(route.method) ? { headers: { "idempotency-key": k } } : {}),
    }));
}

describe("fuzzing every route", () => {
  beforeAll(async () => {
    ids = await h.ids();
    for (const [p, email] of Object.entries(ACCOUNTS))
      cookies[p as keyof typeof cookies] = await h.login(email);
    const acmeTitle = await h.prisma.invoiceTitle.findFirstOrThrow({
      where: { tenantId: ids.acme, isDefault: true },
    });
    const acmeAddress = await h.prisma.mailingAddress.findFirstOrThrow({
      where: { tenantId: ids.acme, isDefault: true },
    });
    const globexTitle = await h.prisma.invoiceTitle.findFirstOrThrow({
      where: { tenantId: ids.globex, isDefault: true },
    });
    fixtures.defaults = {
      titleId: acmeTitle.id,
      addressId: acmeAddress.id,
      globexTitleId: globexTitle.id,
      taxpayerId: acmeTitle.taxpayerId ?? "",
    };
    // Spare titles and addresses to edit and delete, and requests and tickets in several states.
    for (let i = 0; i < 3; i++) {
      fixtures.titles.push(
        (
          await h.prisma.invoiceTitle.create({
            data: { tenantId: ids.acme, type: "INDIVIDUAL", name: `fuzz ${i}` },
          })
        ).id,
      );
      fixtures.addresses.push(
        (
          await h.prisma.mailingAddress.create({
            data: {
              tenantId: ids.acme,
              recipient: "张三",
              phone: "13800138000",
              province: "上海市",
              city: "上海市",
              district: "浦东新区",
              street: "世纪大道 1 号",
              postalCode: "200120",
            },
          })
        ).id,
      );
    }
    fixtures.titles.push(acmeTitle.id, globexTitle.id);
    fixtures.addresses.push(acmeAddress.id);
    const who = { admin: cookies.acme, staff: cookies.cloudsoft, support: cookies.support };
    for (const status of ["PENDING", "PROCESSING", "MAILING", "MAILING", "PENDING"] as const)
      fixtures.requests.push(await requestIn(h, who, ids.acme, ids.cloudsoft, status, "0.01"));
    // E-invoice requests in PROCESSING with a PDF each, and return requests in every decision's reach.
    for (let i = 0; i < 2; i++) {
      const id = await requestIn(h, who, ids.acme, ids.cloudsoft, "PROCESSING", "0.01", "ELECTRONIC");
      fixtures.eRequests.push(id);
      const file = await upload(h, cookies.cloudsoft, id, PDF);
      expect(file.statusCode, file.body).toBe(201);
      fixtures.files.push(file.json<{ id: string }>().id);
    }
    for (const [status, kind] of [
      ["PROCESSING", "PAPER"],
      ["MAILING", "PAPER"],
      ["ISSUED", "ELECTRONIC"],
    ] as const) {
      const id = await requestIn(h, who, ids.acme, ids.cloudsoft, status, "0.01", kind);
      fixtures.returns.push(await openReturn(h, cookies.acme, id));
    }
    fixtures.numbers = (
      await h.prisma.invoiceRequest.findMany({
        where: { id: { in: fixtures.requests } },
        select: { number: true },
      })
    ).map((r) => r.number);
    for (const requestId of fixtures.requests.filter((_, i) => i === 2 || i === 3)) {
      const res = await h.app.inject({
        method: "POST",
        url: "/api/tickets",
        headers: { cookie: cookies.acme },
        payload: { requestId, returnTrackingNumber: "YT1234567890", message: "抬头有误" },
      });
      expect(res.statusCode, res.body).toBe(201);
      fixtures.tickets.push(res.json<{ id: string }>().id);
    }
    // Who may call each route: the principals the route does not refuse with 401/403 up front.
    for (const route of h.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      if (route.url === "/api/auth/logout") {
        allowed.set(key, ["anon"]); // a signed-in caller would end the session this test runs on
        continue;
      }
      const path = fillPath(
        route.url,
        Object.fromEntries(
          Object.keys(paramValues(route)).map((k) => [k, k === "date" ? "2098-12-31" : NIL]),
        ),
      );
      const statuses = await Promise.all(
        PRINCIPALS.map(async (p) => {
          const res = await h.app.inject({
            method: route.method as "GET",
            url: path,
            headers: p === "anon" ? {} : { cookie: cookies[p] },
          });
          return res.statusCode;
        }),
      );
      const who = PRINCIPALS.filter((_, i) => statuses[i] !== 401 && statuses[i] !== 403);
      allowed.set(key, who.length ? who : ["anon"]);
    }
    before = await stateOf();
  });

  it("answers every route's fixed hostile cases without a 5xx, in the error shape, changing nothing when refused", async () => {
    const problems: string[] = [];
    for (const route of h.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      // Logout signs out: its cases run signed out only (the probe found it open to anyone).
      const list = fixedCases(route, allowed.get(key)![0]!).filter(
        (c) => route.url !== "/api/auth/logout" || c.principal === "anon",
      );
      for (const c of list) {
        const problem = await run(c);
        if (problem) problems.push(`${key}: ${describeCase(c)} → ${problem}`);
      }
    }
    // Router-level refusals: methods and paths nobody registered.
    for (const c of [
      { principal: "acme", method: "PUT", url: "/api/invoice-titles" },
      { principal: "acme", method: "OPTIONS", url: "/api/invoice-titles" },
      { principal: "acme", method: "HEAD", url: "/api/nothing-here" },
      { principal: "acme", method: "GET", url: "/api/nothing-here" },
      { principal: "anon", method: "GET", url: "/api/%ZZ" },
      { principal: "acme", method: "POST", url: "/api/invoice-requests/%ZZ/cancel" },
      { principal: "acme", method: "GET", url: `/api/invoice-requests/${"9".repeat(5000)}` },
      { principal: "acme", method: "GET", url: "/api/invoice-requests?limit=1&limit=2" },
      { principal: "acme", method: "GET", url: "/api/invoice-requests/export.csv?from=0000-01-01" },
      { principal: "acme", method: "GET", url: "/api/invoice-requests/export.csv?to=9999-12-31" },
      { principal: "acme", method: "GET", url: "/api/invoice-requests/export.csv?from=2026-02-30" },
    ] satisfies Case[]) {
      const problem = await run(c);
      if (problem) problems.push(`${describeCase(c)} → ${problem}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it("refuses out-of-range export dates with a 400 before the CSV starts", async () => {
    for (const date of ["0000-01-01", "9999-12-31", "2026-02-30"]) {
      for (const field of ["from", "to"]) {
        const res = await h.app.inject({
          method: "GET",
          url: `/api/invoice-requests/export.csv?${field}=${date}`,
          headers: { cookie: cookies.support },
        });
        expect(res.statusCode, `${field}=${date}`).toBe(400);
        expect(res.headers["content-type"]).toMatch(/^application\/json/);
        expect(Object.keys(res.json<{ error: { fields: object } }>().error.fields)).toEqual([field]);
      }
    }
  });

  it(
    `answers ${RUNS} generated cases per route (seed ${SEED}) without a 5xx, in the error shape, changing nothing when refused`,
    async () => {
      const problems: string[] = [];
      for (const [i, route] of h.app.routeTable.entries()) {
        const key = `${route.method} ${route.url}`;
        const who = allowed.get(key)!;
        const seed = SEED + i;
        try {
          await fc.assert(
            fc.asyncProperty(generated(route, who), async (c) => {
              if (route.url === "/api/auth/logout" && c.principal !== "anon") return;
              const problem = await run(c);
              if (problem) throw new Error(`${describeCase(c)} → ${problem}`);
            }),
            { numRuns: RUNS, seed, endOnFailure: true },
          );
        } catch (error) {
          problems.push(
            `${key} (seed ${seed}): ${(error as Error).message.split("\n").find((l) => l.includes("→")) ?? (error as Error).message.slice(0, 500)}`,
          );
        }
      }
      expect(problems).toEqual([]);
    },
    6 * 3_600_000,
  );

  it("covered every route, and the answers were mostly refusals in the shape, some successes", () => {
    const total = [...statusCounts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(cases);
    expect(cases).toBeGreaterThan(h.app.routeTable.length * (RUNS + 10));
    const refused = [...statusCounts].filter(([s]) => s >= 400).reduce((a, [, n]) => a + n, 0);
    expect(refused).toBeGreaterThan(cases / 2);
    expect([...statusCounts.keys()].filter((s) => s >= 500)).toEqual([]);
    console.info(
      `fuzz: ${cases} cases over ${h.app.routeTable.length} routes (seed ${SEED}, ${RUNS} generated per route), statuses ${JSON.stringify(Object.fromEntries([...statusCounts].sort((a, b) => a[0] - b[0])))}`,
    );
  });
});
