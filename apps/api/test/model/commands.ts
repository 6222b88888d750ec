import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import type { Harness } from "../harness";
import {
  ACTORS,
  amountsRow,
  cloneModel,
  fen,
  invoiceable,
  net,
  orgOf,
  overInvoiced,
  pairKey,
  roleOf,
  shippingPayer,
  transition,
  withdrawable,
  yuan,
  type Action,
  type Actor,
  type Balance,
  type Model,
  type Role,
  type Status,
  type StoredKey,
} from "./rules";

// ================================================================ the real side

/**
 * One sequence's real side. Tenants (with their admins, titles and addresses) are the sequence's
 * own, so every (tenant, provider) balance starts from the generated consumption and no other
 * sequence touches it; the two providers, their staff and support are shared by all sequences.
 */
export interface World {
  h: Harness;
  tenants: [string, string];
  providers: [string, string];
  titles: [string, string];
  addresses: [string, string];
  cookies: Record<Actor, string>;
  /** Every call of this run with its answer, printed when a check fails. */
  trace: string[];
  /** Keyed calls sent so far (closures, so outside the cloneable model), for retries. */
  sent: Call[];
  /** Keys are per user and support is shared: each sequence's keys start with its own prefix. */
  keyPrefix: string;
}

/** The providers, their staff and support, shared by all sequences of a test file. */
export interface Shared {
  providers: [string, string];
  emails: Record<"staff0" | "staff1" | "support", string>;
  cookies: Record<"staff0" | "staff1" | "support", string>;
  /** Sequences since the shared users last signed in (fresh sessions keep under the mutation limit). */
  uses: number;
}

const SHARED_ACTORS = ["staff0", "staff1", "support"] as const;
const ADMIN: Role[] = ["ENTERPRISE_ADMIN"];
const STAFF: Role[] = ["PROVIDER_STAFF"];
const SUPPORT: Role[] = ["SUPPORT"];

async function login(h: Harness, email: string, password: string, address: string): Promise<string> {
  // Each sign-in from an address of its own: they do not queue on one address's limit lock.
  const res = await h.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress: address,
  });
  const cookie = res.cookies.find((c) => c.name === "mic_session");
  if (res.statusCode !== 200 || !cookie) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  return `mic_session=${cookie.value}`;
}

let addresses = 0;
const nextAddress = () => {
  addresses = (addresses + 1) % 65_000;
  return `10.77.${addresses >> 8}.${addresses & 255}`;
};

export async function createShared(h: Harness, passwordHash: string, password: string): Promise<Shared> {
  const tag = randomUUID().slice(0, 8);
  const providers: [string, string] = [randomUUID(), randomUUID()];
  const emails = {
    staff0: `staff0-${tag}@model.test`,
    staff1: `staff1-${tag}@model.test`,
    support: `support-${tag}@model.test`,
  };
  await h.prisma.$transaction([
    h.prisma.provider.createMany({
      data: providers.map((id, i) => ({
        id,
        name: `模型服务商 ${i} ${tag}`,
        contactPhone: "400-000-0000",
        contactEmail: `p${i}-${tag}@model.test`,
      })),
    }),
    h.prisma.user.createMany({
      data: SHARED_ACTORS.map((a) => ({
        email: emails[a],
        name: `${a} ${tag}`,
        role: roleOf(a),
        passwordHash,
        providerId: a === "support" ? null : providers[orgOf(a)],
      })),
    }),
  ]);
  const shared: Shared = { providers, emails, cookies: { staff0: "", staff1: "", support: "" }, uses: 0 };
  await relogin(h, shared, password);
  return shared;
}

async function relogin(h: Harness, shared: Shared, password: string) {
  await Promise.all(
    SHARED_ACTORS.map(async (a) => {
      shared.cookies[a] = await login(h, shared.emails[a], password, nextAddress());
    }),
  );
  shared.uses = 0;
}

/** Creates a sequence's two tenants in one transaction and signs their admins in. */
export async function createWorld(
  h: Harness,
  shared: Shared,
  consumption: readonly (bigint | null)[],
  passwordHash: string,
  password: string,
): Promise<World> {
  if (++shared.uses > 25) await relogin(h, shared, password);
  const tag = randomUUID().slice(0, 8);
  const tenants: [string, string] = [randomUUID(), randomUUID()];
  const providers = shared.providers;
  const titles: [string, string] = [randomUUID(), randomUUID()];
  const addresses: [string, string] = [randomUUID(), randomUUID()];
  const email = (t: number) => `admin${t}-${tag}@model.test`;
  const pairs = consumption.flatMap((f, i) => (f === null ? [] : [{ i, f }]));
  const t = (i: number) => tenants[i >> 1]!;
  const p = (i: number) => providers[i & 1]!;
  await h.prisma.$transaction([
    h.prisma.tenant.createMany({ data: tenants.map((id, i) => ({ id, name: `模型租户 ${i} ${tag}` })) }),
    h.prisma.user.createMany({
      data: tenants.map((tenantId, i) => ({
        email: email(i),
        name: `admin${i} ${tag}`,
        role: "ENTERPRISE_ADMIN" as const,
        passwordHash,
        tenantId,
      })),
    }),
    h.prisma.invoiceTitle.createMany({
      data: titles.map((id, i) => ({
        id,
        tenantId: tenants[i]!,
        type: "ENTERPRISE" as const,
        name: `模型租户 ${i} ${tag}`,
        taxpayerId: "91110000600037341L",
        isDefault: true,
      })),
    }),
    h.prisma.mailingAddress.createMany({
      data: addresses.map((id, i) => ({
        id,
        tenantId: tenants[i]!,
        recipient: "李强",
        phone: "13912345678",
        province: "北京市",
        city: "市辖区",
        district: "朝阳区",
        street: "建国路 1 号",
        postalCode: "100020",
        isDefault: true,
      })),
    }),
    h.prisma.ledgerEntry.createMany({
      data: pairs.map(({ i, f }) => ({
        tenantId: t(i),
        providerId: p(i),
        kind: "CONSUMPTION" as const,
        amountFen: f,
        reference: `CS-${tag}-${i}`,
      })),
    }),
    h.prisma.balance.createMany({
      data: pairs.map(({ i, f }) => ({ tenantId: t(i), providerId: p(i), consumedFen: f })),
    }),
  ]);
  const [admin0, admin1] = await Promise.all([0, 1].map((i) => login(h, email(i), password, nextAddress())));
  const cookies = { ...shared.cookies, admin0: admin0!, admin1: admin1! };
  return { h, tenants, providers, titles, addresses, cookies, trace: [], sent: [], keyPrefix: `k${tag}` };
}

// ================================================================ calls and their predictions

/** What the model says one call answers, and what it changes when it succeeds. */
export interface Prediction {
  status: number;
  /** Applied to the model with the response body when the status matched. */
  effect?: (m: Model, body: Json) => void;
  /** Checks the success body (returns a complaint or null). */
  check?: (body: Json) => string | null;
  /** The stored response a keyed retry must return verbatim. */
  replay?: StoredKey;
  /** Requests whose status to compare with the API afterwards. */
  touches?: number[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Call {
  /** The spec's kind, or what a retry made of it (for the statistics). */
  kind: string;
  actor: Actor;
  url: string;
  body?: Record<string, unknown>;
  key?: string;
  label: string;
  /** The roles the route lets in (403 for others, before anything else). */
  roles: Role[];
  /** A body the schema refuses (400). */
  invalid?: boolean;
  /** The service's answer, once past the role, the schema and the key. */
  service(m: Model): Prediction;
}

const hashOf = (c: Call) => JSON.stringify([c.url, c.body ?? null]);

/** The whole route as the model sees it: role, schema, Idempotency-Key, then the service. */
export function predict(m: Model, c: Call): Prediction {
  if (!c.roles.includes(roleOf(c.actor))) return { status: 403 };
  if (c.invalid) return { status: 400 };
  const slot = c.key ? `${c.actor}|${c.key}` : null;
  const stored = slot ? m.keys.get(slot) : undefined;
  if (stored) return stored.hash === hashOf(c) ? { status: stored.status, replay: stored } : { status: 409 };
  const p = c.service(m);
  if (!slot || p.status >= 300) return p;
  return {
    ...p,
    effect(model, body) {
      p.effect?.(model, body);
      model.keys.set(slot, { hash: hashOf(c), status: p.status, body });
    },
  };
}

// ================================================================ command specs (generated data)

export type AmountPick =
  | { kind: "share"; permille: number }
  | { kind: "all" }
  | { kind: "over" }
  | { kind: "fen"; fen: number }
  | { kind: "zero" };

/** Who sends a call about a request: its proper actor, the same role elsewhere, or anyone. */
export type Who = "own" | "other" | Actor;

/** A money move on one (tenant, provider) pair: an application, a refund or a withdrawal. */
interface PairSpec {
  tenant: number;
  provider: number;
  amount: AmountPick;
  fit: boolean;
  who: Who;
  key: boolean;
}

export type Spec =
  | ({ kind: "apply" | "withdraw" } & PairSpec)
  | ({ kind: "refund"; ref: number } & PairSpec)
  | {
      kind: "cancel" | "start" | "ship" | "refuse" | "ticket";
      req: number;
      fit: boolean;
      who: Who;
      key: boolean;
    }
  | { kind: "void" | "reject"; ticket: number; fit: boolean; who: Who; key: boolean }
  /** The next proper step for a live request (start, ship, open a ticket, void or reject it). */
  | { kind: "advance"; req: number; reject: boolean; who: Who; key: boolean };

function resolveAmount(pick: AmountPick, base: bigint): bigint {
  switch (pick.kind) {
    case "share": {
      const part = (base * BigInt(pick.permille)) / 1000n;
      return part > 0n ? part : 1n;
    }
    case "all":
      return base > 0n ? base : 1n;
    case "over":
      return base + 1n;
    case "fen":
      return BigInt(pick.fen);
    case "zero":
      return 0n;
  }
}

function pickActor(who: Who, own: Actor): Actor {
  if (who === "own") return own;
  if (who === "other")
    return own === "support" ? "staff0" : (`${own.slice(0, -1)}${1 - orgOf(own)}` as Actor);
  return who;
}

const ACTION: Record<
  "cancel" | "start" | "ship" | "refuse",
  { path: string; action: Action; roles: Role[] }
> = {
  cancel: { path: "cancel", action: "CANCEL", roles: ADMIN },
  start: { path: "start-processing", action: "START_PROCESSING", roles: STAFF },
  ship: { path: "ship", action: "SHIP", roles: STAFF },
  // 驳回: the provider's reject of the request (the ticket's own reject is kind "reject").
  refuse: { path: "reject", action: "REJECT", roles: STAFF },
};

/**
 * The request (or ticket) a spec acts on: with `fit`, one the action suits (a PROCESSING request
 * to ship, an OPEN ticket to void) when there is one, so sequences get deep; else any.
 */
function choose<T>(items: readonly T[], n: number, fit: boolean, suits: (item: T) => boolean): number {
  const suited = fit ? items.flatMap((item, i) => (suits(item) ? [i] : [])) : [];
  return suited.length > 0 ? suited[n % suited.length]! : n % items.length;
}

const LIVE = new Set<Status>(["PENDING", "PROCESSING", "MAILING"]);

const SUITS: Record<"cancel" | "start" | "ship" | "refuse" | "ticket", Status> = {
  cancel: "PENDING",
  start: "PENDING",
  ship: "PROCESSING",
  refuse: "PROCESSING",
  ticket: "MAILING",
};

/** Whether the spec has something to act on in this model (requests, tickets). */
export function applicable(m: Readonly<Model>, s: Spec): boolean {
  if (s.kind === "void" || s.kind === "reject") return m.tickets.length > 0;
  if (s.kind === "advance") return m.requests.some((r) => LIVE.has(r.status));
  if ("req" in s) return m.requests.length > 0;
  return true;
}

const PAIR_SUITS: Record<"apply" | "refund" | "withdraw", (b: Balance) => boolean> = {
  apply: (b) => invoiceable(b) > 0n,
  refund: (b) => net(b) > 0n,
  withdraw: (b) => withdrawable(b) > 0n,
};

/** With `fit`, a (tenant, provider) pair where the money move can succeed, when there is one. */
function fitPair<S extends Spec & PairSpec>(m: Model, s: S): S {
  if (!s.fit) return s;
  const suits = PAIR_SUITS[s.kind as "apply" | "refund" | "withdraw"];
  const pairs = [0, 1, 2, 3].filter((i) => {
    const b = m.balances.get(pairKey(i >> 1, i & 1));
    return b !== undefined && suits(b);
  });
  if (pairs.length === 0) return s;
  const i = pairs[(s.tenant * 2 + s.provider) % pairs.length]!;
  return { ...s, tenant: i >> 1, provider: i & 1 };
}

/** The spec's amount, taken against `figure` of the pair's balance (100 yuan where there is none). */
function amountOf(m: Model, s: PairSpec, figure: (b: Balance) => bigint): bigint {
  const b = m.balances.get(pairKey(s.tenant, s.provider));
  return resolveAmount(s.amount, b ? figure(b) : 10000n);
}

/** Turns a spec into a concrete call against the model's current state (amounts, ids, keys). */
export function prepare(m: Model, w: World, spec: Spec): Call {
  const s = "tenant" in spec ? fitPair(m, spec) : spec;
  const key = s.key ? `${w.keyPrefix}-${m.nextKey++}` : undefined;
  const base = { kind: s.kind, ...(key ? { key } : {}) };
  switch (s.kind) {
    case "advance": {
      m.nextKey -= key ? 1 : 0; // the step takes the key itself
      const live = m.requests.flatMap((r, i) => (LIVE.has(r.status) ? [i] : []));
      const i = live[s.req % live.length]!;
      const r = m.requests[i]!;
      const step = { req: i, fit: false, who: s.who, key: s.key };
      if (r.status === "PENDING") return prepare(m, w, { ...step, kind: "start" });
      if (r.status === "PROCESSING") return prepare(m, w, { ...step, kind: "ship" });
      const open = m.tickets.findIndex((t) => t.request === i && t.status === "OPEN");
      if (open < 0) return prepare(m, w, { ...step, kind: "ticket" });
      return prepare(m, w, { ...step, kind: s.reject ? "reject" : "void", ticket: open });
    }
    case "apply": {
      const amount = amountOf(m, s, invoiceable);
      const actor = pickActor(s.who, `admin${s.tenant}` as Actor);
      const t = orgOf(actor);
      return {
        ...base,
        actor,
        url: "/api/invoice-requests",
        body: {
          providerId: w.providers[s.provider],
          amount: yuan(amount),
          invoiceType: "PAPER_VAT_GENERAL",
          titleId: w.titles[t],
          addressId: w.addresses[t],
        },
        label: `${actor} apply ${yuan(amount)} at p${s.provider}`,
        roles: ADMIN,
        invalid: amount <= 0n,
        service(model) {
          const bal = model.balances.get(pairKey(t, s.provider));
          if (!bal) return { status: 404 };
          if (amount > invoiceable(bal)) return { status: 409 };
          return {
            status: 201,
            check: (r) =>
              r.status !== "PENDING" || r.amount !== yuan(amount) || r.shippingPayer !== shippingPayer(amount)
                ? `apply answered ${JSON.stringify(r)}`
                : null,
            effect(mm, r) {
              mm.requests.push({ id: r.id, tenant: t, provider: s.provider, amount, status: "PENDING" });
              mm.balances.get(pairKey(t, s.provider))!.pending += amount;
              mm.audits += 1;
            },
            touches: [model.requests.length],
          };
        },
      };
    }
    case "cancel":
    case "start":
    case "ship":
    case "refuse": {
      const i = choose(m.requests, s.req, s.fit, (r) => r.status === SUITS[s.kind]);
      const r = m.requests[i]!;
      const a = ACTION[s.kind];
      const actor = pickActor(
        s.who,
        s.kind === "cancel" ? (`admin${r.tenant}` as Actor) : (`staff${r.provider}` as Actor),
      );
      return {
        ...base,
        actor,
        url: `/api/invoice-requests/${r.id}/${a.path}`,
        ...(s.kind === "ship"
          ? { body: { invoiceNumber: "04403299", courier: "SF", trackingNumber: `SF${1000000000 + i}` } }
          : s.kind === "refuse"
            ? { body: { reason: "抬头有误" } }
            : {}),
        label: `${actor} ${a.path} #${i}`,
        roles: a.roles,
        service(model) {
          const req = model.requests[i]!;
          const org = s.kind === "cancel" ? req.tenant : req.provider;
          if (orgOf(actor) !== org) return { status: 404, touches: [i] };
          const probe = cloneModel(model);
          const to = transition(probe, i, a.action);
          if (to === null) return { status: 409, touches: [i] };
          return {
            status: 200,
            touches: [i],
            check: (body) => (body.status !== to ? `answered status ${body.status}, expected ${to}` : null),
            effect(mm) {
              transition(mm, i, a.action);
              mm.audits += 1;
            },
          };
        },
      };
    }
    case "ticket": {
      const i = choose(
        m.requests.map((r, k) => ({
          r,
          open: m.tickets.some((t) => t.request === k && t.status === "OPEN"),
        })),
        s.req,
        s.fit,
        ({ r, open }) => r.status === "MAILING" && !open,
      );
      const r = m.requests[i]!;
      const actor = pickActor(s.who, `admin${r.tenant}` as Actor);
      return {
        ...base,
        actor,
        url: "/api/tickets",
        body: { requestId: r.id, returnTrackingNumber: `YT${2000000000 + i}`, message: "抬头有误，已寄回" },
        label: `${actor} open ticket on #${i}`,
        roles: ADMIN,
        service(model) {
          const req = model.requests[i]!;
          if (orgOf(actor) !== req.tenant) return { status: 404 };
          if (req.status !== "MAILING") return { status: 409 };
          if (model.tickets.some((t) => t.request === i && t.status === "OPEN")) return { status: 409 };
          return {
            status: 201,
            check: (body) => (body.status !== "OPEN" || body.requestId !== req.id ? "ticket answer" : null),
            effect(mm, body) {
              mm.tickets.push({ id: body.id, request: i, status: "OPEN" });
              mm.audits += 1;
            },
          };
        },
      };
    }
    case "void":
    case "reject": {
      const j = choose(m.tickets, s.ticket, s.fit, (t) => t.status === "OPEN");
      const ticket = m.tickets[j]!;
      const actor = pickActor(s.who, "support");
      return {
        ...base,
        actor,
        url: `/api/tickets/${ticket.id}/${s.kind}`,
        body: { reason: s.kind === "void" ? "退票" : "未收到寄回的发票" },
        label: `${actor} ${s.kind} ticket ${j} (#${ticket.request})`,
        roles: SUPPORT,
        service(model) {
          const t = model.tickets[j]!;
          if (t.status !== "OPEN") return { status: 409, touches: [t.request] };
          if (s.kind === "reject") {
            return {
              status: 200,
              touches: [t.request],
              effect(mm) {
                mm.tickets[j]!.status = "REJECTED";
                mm.audits += 1;
              },
            };
          }
          const probe = cloneModel(model);
          if (transition(probe, t.request, "VOID") === null) return { status: 409, touches: [t.request] };
          return {
            status: 200,
            touches: [t.request],
            check: (body) => (body.status !== "RESOLVED" ? `ticket answered ${body.status}` : null),
            effect(mm) {
              mm.tickets[j]!.status = "RESOLVED";
              transition(mm, t.request, "VOID");
              mm.audits += 2;
            },
          };
        },
      };
    }
    case "refund": {
      const amount = amountOf(m, s, net);
      const actor = pickActor(s.who, "support");
      const reference = `RF-${s.ref}`;
      return {
        ...base,
        actor,
        url: "/api/refunds",
        body: {
          tenantId: w.tenants[s.tenant],
          providerId: w.providers[s.provider],
          amount: yuan(amount),
          reference,
        },
        label: `${actor} refund ${yuan(amount)} to t${s.tenant} at p${s.provider} (${reference})`,
        roles: SUPPORT,
        invalid: amount <= 0n,
        service(model) {
          const ref = `${pairKey(s.tenant, s.provider)}|${reference}`;
          if (model.refundRefs.has(ref)) return { status: 409 };
          const bal = model.balances.get(pairKey(s.tenant, s.provider));
          if (!bal || amount > net(bal)) return { status: 409 };
          return {
            status: 201,
            check: (body) =>
              body.kind !== "REFUND" || body.amount !== yuan(amount) ? "refund answer" : null,
            effect(mm) {
              mm.refundRefs.add(ref);
              mm.balances.get(pairKey(s.tenant, s.provider))!.refunded += amount;
              mm.audits += 1;
            },
          };
        },
      };
    }
    case "withdraw": {
      const amount = amountOf(m, s, (b) => b.refunded - b.withdrawn);
      const actor = pickActor(s.who, `admin${s.tenant}` as Actor);
      const t = orgOf(actor);
      return {
        ...base,
        actor,
        url: "/api/withdrawals",
        body: { providerId: w.providers[s.provider], amount: yuan(amount) },
        label: `${actor} withdraw ${yuan(amount)} at p${s.provider}`,
        roles: ADMIN,
        invalid: amount <= 0n,
        service(model) {
          const bal = model.balances.get(pairKey(t, s.provider));
          if (!bal || overInvoiced(bal) > 0n || amount > bal.refunded - bal.withdrawn) return { status: 409 };
          return {
            status: 201,
            check: (body) => (body.amount !== yuan(amount) ? "withdrawal answer" : null),
            effect(mm) {
              mm.balances.get(pairKey(t, s.provider))!.withdrawn += amount;
              mm.withdrawals += 1;
              mm.audits += 1;
            },
          };
        },
      };
    }
  }
}

// ================================================================ sending and comparing

interface Answer {
  status: number;
  body: Json;
}

async function send(w: World, c: Call): Promise<Answer> {
  const res = await w.h.app.inject({
    method: "POST",
    url: c.url,
    headers: {
      cookie: w.cookies[c.actor],
      "accept-language": "en",
      ...(c.key ? { "idempotency-key": c.key } : {}),
    },
    ...(c.body ? { payload: c.body } : {}),
  });
  let body: Json;
  try {
    body = res.json();
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body };
}

export class ModelFailure extends Error {}

/** Answers by kind and status over the whole run (printed with MODEL_STATS=1). */
export const stats = new Map<string, number>();
const count = (c: Call, a: Answer) => {
  const k = `${c.kind} ${a.status}`;
  stats.set(k, (stats.get(k) ?? 0) + 1);
};

function fail(w: World, message: string): never {
  throw new ModelFailure(`${message}\n  calls of this run:\n    ${w.trace.join("\n    ")}`);
}

/** The body checks every answer must pass once its status matched the prediction. */
function verifyAnswer(w: World, c: Call, p: Prediction, a: Answer) {
  if (a.status >= 400) {
    const e = a.body?.error;
    if (typeof e?.code !== "string" || typeof e?.message !== "string") {
      fail(w, `${c.label}: ${a.status} not in the error shape: ${JSON.stringify(a.body)}`);
    }
    return;
  }
  if (p.replay && !isDeepStrictEqual(a.body, p.replay.body)) {
    fail(
      w,
      `${c.label}: a retry with the same key answered ${JSON.stringify(a.body)}, first answer ${JSON.stringify(p.replay.body)}`,
    );
  }
  const complaint = p.replay ? null : (p.check?.(a.body) ?? null);
  if (complaint) fail(w, `${c.label}: ${complaint}`);
}

const describeAnswer = (a: Answer) =>
  `${a.status}${a.status >= 400 ? ` ${a.body?.error?.code ?? ""} ${a.body?.error?.message ?? ""}` : ""}`;

/** Compares the API's balances of both tenants and the given requests' states with the model. */
export async function compare(m: Model, w: World, requests: Iterable<number>) {
  for (const t of [0, 1]) {
    const res = await w.h.app.inject({
      method: "GET",
      url: "/api/invoiceable-amounts",
      headers: { cookie: w.cookies[`admin${t}` as Actor] },
    });
    if (res.statusCode !== 200) fail(w, `GET /api/invoiceable-amounts: ${res.statusCode} ${res.body}`);
    const items = res.json<{ items: (Record<string, unknown> & { providerId: string })[] }>().items;
    for (const p of [0, 1]) {
      const b = m.balances.get(pairKey(t, p));
      const row = items.find((i) => i.providerId === w.providers[p]);
      if (!b) {
        if (row) fail(w, `t${t} has a balance at p${p} that the model does not`);
        continue;
      }
      if (!row) fail(w, `t${t} has no balance row at p${p}`);
      const expected = amountsRow(b);
      const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, row[k]]));
      if (!isDeepStrictEqual(actual, expected)) {
        fail(
          w,
          `t${t}×p${p} amounts differ:\n      API   ${JSON.stringify(actual)}\n      model ${JSON.stringify(expected)}`,
        );
      }
    }
  }
  for (const i of new Set(requests)) {
    const r = m.requests[i];
    if (!r) continue;
    const res = await w.h.app.inject({
      method: "GET",
      url: `/api/invoice-requests/${r.id}`,
      headers: { cookie: w.cookies.support },
    });
    const status = res.json<{ status?: string }>().status;
    if (res.statusCode !== 200 || status !== r.status) {
      fail(w, `request #${i} is ${res.statusCode} ${status} in the API, ${r.status} in the model`);
    }
  }
}

/** Sends one call, checks the answer against the model and moves the model on. */
async function runSingle(m: Model, w: World, c: Call) {
  const p = predict(m, c);
  const a = await send(w, c);
  w.trace.push(`${c.label}${c.key ? ` [key ${c.key}]` : ""} → ${describeAnswer(a)}`);
  count(c, a);
  if (a.status !== p.status) fail(w, `${c.label}: answered ${describeAnswer(a)}, the model says ${p.status}`);
  verifyAnswer(w, c, p, a);
  p.effect?.(m, a.body);
  if (c.key) w.sent.push(c);
  // A refusal must change nothing: the next comparison (or the final one) covers the whole state.
  if (a.status < 300) await compare(m, w, p.touches ?? []);
}

/**
 * Sends two calls at once. The answers must be those of one of the two sequential orders
 * (linearizability of a pair); the model then follows that order.
 */
async function runRace(m: Model, w: World, a: Call, b: Call) {
  const [ra, rb] = await Promise.all([send(w, a), send(w, b)]);
  w.trace.push(
    `race { ${a.label}${a.key ? ` [key ${a.key}]` : ""} → ${describeAnswer(ra)} | ${b.label}${b.key ? ` [key ${b.key}]` : ""} → ${describeAnswer(rb)} }`,
  );
  count({ ...a, kind: `race:${a.kind}` }, ra);
  count({ ...b, kind: `race:${b.kind}` }, rb);
  const tried: string[] = [];
  for (const order of [
    [
      [a, ra],
      [b, rb],
    ],
    [
      [b, rb],
      [a, ra],
    ],
  ] as [Call, Answer][][]) {
    const probe = cloneModel(m);
    const touched: number[] = [];
    const steps: [Call, Prediction, Answer][] = [];
    let ok = true;
    for (const [c, ans] of order) {
      const p = predict(probe, c);
      steps.push([c, p, ans]);
      if (p.status !== ans.status) {
        ok = false;
        break;
      }
      p.effect?.(probe, ans.body);
      touched.push(...(p.touches ?? []));
    }
    tried.push(steps.map(([c, p]) => `${c.label} ${p.status}`).join(" then "));
    if (!ok) continue;
    for (const [c, p, ans] of steps) verifyAnswer(w, c, p, ans);
    Object.assign(m, probe);
    for (const c of [a, b]) if (c.key) w.sent.push(c);
    if (ra.status < 300 || rb.status < 300) await compare(m, w, touched);
    return;
  }
  fail(w, `race answers fit no sequential order; the model expects ${tried.join(" or ")}`);
}

// ================================================================ fast-check commands

type Cmd = fc.AsyncCommand<Model, World>;

const specLabel = (s: Spec) => JSON.stringify(s).replace(/"/g, "");

class Single implements Cmd {
  constructor(readonly spec: Spec) {}
  check = (m: Readonly<Model>) => applicable(m, this.spec);
  run = (m: Model, w: World) => runSingle(m, w, prepare(m, w, this.spec));
  toString = () => specLabel(this.spec);
}

/** `same`: a double click (the same call twice); `sameKey`: the same call with one key twice. */
class Race implements Cmd {
  constructor(
    readonly a: Spec,
    readonly b: Spec | "same" | "sameKey",
  ) {}
  check = (m: Readonly<Model>) =>
    applicable(m, this.a) && (typeof this.b === "string" || applicable(m, this.b));
  async run(m: Model, w: World) {
    const a = prepare(m, w, this.b === "sameKey" ? { ...this.a, key: true } : this.a);
    const b = this.b === "same" ? { ...a } : this.b === "sameKey" ? a : prepare(m, w, this.b);
    await runRace(m, w, a, b);
  }
  toString = () => `race(${specLabel(this.a)}, ${typeof this.b === "string" ? this.b : specLabel(this.b)})`;
}

/** Sends an earlier keyed call again: the stored answer if it succeeded, else it runs anew. */
class Retry implements Cmd {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(m: Model, w: World) {
    if (w.sent.length === 0) return;
    const c = w.sent[this.pick % w.sent.length]!;
    await runSingle(m, w, {
      ...c,
      kind: `retry:${c.kind.replace(/^retry:/, "")}`,
      label: `retry of ${c.label}`,
    });
  }
  toString = () => `retry(${this.pick})`;
}

/** The key of an earlier successful call with another body or path: 409, nothing changes. */
class Mismatch implements Cmd {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(m: Model, w: World) {
    const stored = w.sent.filter((c) => m.keys.has(`${c.actor}|${c.key}`));
    if (stored.length === 0) return;
    const c = stored[this.pick % stored.length]!;
    const body = c.body ? { ...c.body } : undefined;
    let url = c.url;
    if (body && typeof body.amount === "string") body.amount = yuan(fen(body.amount) + 1n);
    else if (body && typeof body.reason === "string") body.reason = `${body.reason}（另）`;
    else if (body && typeof body.trackingNumber === "string") body.trackingNumber = "SF0000000001";
    else if (body && typeof body.message === "string") body.message = `${body.message}（另）`;
    else {
      const other = m.requests.find((r) => !url.includes(r.id));
      url = url.replace(/[0-9a-f-]{36}/, other?.id ?? "00000000-0000-4000-8000-000000000000");
    }
    await runSingle(m, w, {
      ...c,
      url,
      ...(body ? { body } : {}),
      kind: "mismatch",
      label: `same key, other body/path: ${c.label}`,
      service: () => {
        throw new Error("a reused key must not reach the service");
      },
    });
  }
  toString = () => `mismatch(${this.pick})`;
}

// ---------------------------------------------------------------- arbitraries

const idx = fc.nat({ max: 2 ** 16 });
const org = fc.constantFrom(0, 1);

const amountArb: fc.Arbitrary<AmountPick> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.integer({ min: 1, max: 1000 }).map((permille) => ({ kind: "share", permille }) as const),
  },
  { weight: 2, arbitrary: fc.constant({ kind: "all" } as const) },
  { weight: 2, arbitrary: fc.constant({ kind: "over" } as const) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 20000 }).map((f) => ({ kind: "fen", fen: f }) as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "zero" } as const) },
);

const whoArb: fc.Arbitrary<Who> = fc.oneof(
  { weight: 12, arbitrary: fc.constant("own" as const) },
  { weight: 1, arbitrary: fc.constant("other" as const) },
  { weight: 1, arbitrary: fc.constantFrom(...ACTORS) },
);

const keyArb = fc.boolean();
const fitArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);

const pairArbs = { tenant: org, provider: org, amount: amountArb, fit: fitArb, who: whoArb, key: keyArb };

export const specArb: fc.Arbitrary<Spec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      req: idx,
      reject: fc.oneof(
        { weight: 3, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      who: whoArb,
      key: keyArb,
    }),
  },
  ...(["apply", "withdraw"] as const).map((kind) => ({
    weight: kind === "apply" ? 6 : 3,
    arbitrary: fc.record({ kind: fc.constant(kind), ...pairArbs }),
  })),
  ...(["cancel", "start", "ship", "refuse", "ticket"] as const).map((kind) => ({
    weight: kind === "cancel" || kind === "refuse" ? 2 : 4,
    arbitrary: fc.record({ kind: fc.constant(kind), req: idx, fit: fitArb, who: whoArb, key: keyArb }),
  })),
  ...(["void", "reject"] as const).map((kind) => ({
    weight: kind === "void" ? 3 : 1,
    arbitrary: fc.record({ kind: fc.constant(kind), ticket: idx, fit: fitArb, who: whoArb, key: keyArb }),
  })),
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("refund" as const), ref: fc.nat({ max: 5 }), ...pairArbs }),
  },
);

export const commandArbs: fc.Arbitrary<Cmd>[] = [
  specArb.map((s) => new Single(s)),
  specArb.map((s) => new Single(s)),
  specArb.map((s) => new Single(s)),
  specArb.map((s) => new Single(s)),
  fc
    .tuple(specArb, fc.oneof(specArb, fc.constantFrom("same" as const, "sameKey" as const)))
    .map(([a, b]) => new Race(a, b)),
  idx.map((i) => new Retry(i)),
  idx.map((i) => new Mismatch(i)),
];

/** Consumption per (tenant, provider) pair, t0p0, t0p1, t1p0, t1p1; null: no balance row at all. */
export const consumptionArb = fc.array(
  fc.option(fc.oneof(fc.bigInt({ min: 1n, max: 10000n }), fc.bigInt({ min: 1n, max: 2_000_000n })), {
    freq: 6,
  }),
  { minLength: 4, maxLength: 4 },
);
