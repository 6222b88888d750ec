/**
 * Model-based tests (issue 7, deliverable 3): fast-check command sequences sent through the real
 * app (`app.inject`, real PostgreSQL) and compared with the in-memory model of test/model/rules.ts —
 * balances, request states, tickets, refunds, withdrawals and Idempotency-Key retries, one call at a
 * time and two at once (the answers must fit one sequential order). Every sequence has its own two
 * tenants with their admins (the two providers, their staff and support are shared), so every
 * balance starts from the generated consumption and sequences never see each other's balances.
 * MODEL_STATS=1 prints the answers by kind and status (to see what the sequences reach).
 *
 *   normal:   pnpm exec vitest run apps/api/test/model.test.ts     (150 sequences on PostgreSQL, 40 on PGlite)
 *   long:     MODEL_RUNS=10000 pnpm exec vitest run apps/api/test/model.test.ts
 *   replay:   MODEL_SEED=<seed> MODEL_PATH=<path> MODEL_REPLAY=<replayPath> pnpm exec vitest run apps/api/test/model.test.ts
 *             (a failure prints this line with its own values; MODEL_COMMANDS sets the longest sequence)
 */
import { hash } from "@node-rs/argon2";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "./harness";
import {
  commandArbs,
  compare,
  consumptionArb,
  createShared,
  createWorld,
  stats,
  type Shared,
  type World,
} from "./model/commands";
import { newModel, type Model } from "./model/rules";

// Fewer by default on the embedded PGlite (one connection, several times slower than PostgreSQL).
const RUNS = Number(process.env.MODEL_RUNS ?? (process.env.DATABASE_URL ? 150 : 40));
const MAX_COMMANDS = Number(process.env.MODEL_COMMANDS ?? 16);
const SEED = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
const PATH = process.env.MODEL_PATH;
const REPLAY = process.env.MODEL_REPLAY;
const PASSWORD = "model-password";

const h = useHarness();
const timing = { setup: 0, commands: 0, final: 0 };
// A cheap argon2id hash (the parameters travel in the hash) keeps five sign-ins per sequence fast.
let passwordHash: string;
let shared: Shared;
beforeAll(async () => {
  passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  shared = await createShared(h, passwordHash, PASSWORD);
});

/** After a sequence: every request, ticket and row the model knows of, and nothing more. */
async function finalCheck(m: Model, w: World) {
  await compare(
    m,
    w,
    m.requests.map((_, i) => i),
  );
  const tenantId = { in: w.tenants };
  const [requests, tickets, withdrawals, refunds, audits] = await Promise.all([
    h.prisma.invoiceRequest.count({ where: { tenantId } }),
    h.prisma.ticket.findMany({ where: { tenantId }, select: { id: true, status: true } }),
    h.prisma.withdrawal.count({ where: { tenantId } }),
    h.prisma.ledgerEntry.count({ where: { tenantId, kind: "REFUND" } }),
    h.prisma.auditEvent.count({
      where: { tenantId, entityType: { in: ["InvoiceRequest", "Ticket", "LedgerEntry", "Withdrawal"] } },
    }),
  ]);
  const actual = {
    requests,
    tickets: Object.fromEntries(tickets.map((t) => [t.id, t.status])),
    withdrawals,
    refunds,
    audits,
  };
  const expected = {
    requests: m.requests.length,
    tickets: Object.fromEntries(m.tickets.map((t) => [t.id, t.status])),
    withdrawals: m.withdrawals,
    refunds: m.refundRefs.size,
    audits: m.audits,
  };
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(
      `rows after the sequence differ:\n  database ${JSON.stringify(actual)}\n  model    ${JSON.stringify(expected)}\n  calls:\n    ${w.trace.join("\n    ")}`,
    );
  }
}

describe("the API against the model of SPEC §3–§5 and §8", () => {
  it(
    `${RUNS} random command sequences agree with the model`,
    async () => {
      const property = fc.asyncProperty(
        consumptionArb,
        fc.commands(commandArbs, {
          maxCommands: MAX_COMMANDS,
          size: "max",
          ...(REPLAY ? { replayPath: REPLAY } : {}),
        }),
        async (consumption, cmds) => {
          const t0 = performance.now();
          const world = await createWorld(h, shared, consumption, passwordHash, PASSWORD);
          timing.setup += performance.now() - t0;
          const model = newModel(consumption);
          await fc.asyncModelRun(() => ({ model, real: world }), cmds);
          const t1 = performance.now();
          await finalCheck(model, world);
          timing.final += performance.now() - t1;
          timing.commands += t1 - t0;
        },
      );
      const details = await fc.check(property, {
        numRuns: RUNS,
        ...(SEED === undefined ? {} : { seed: SEED }),
        ...(PATH ? { path: PATH } : {}),
      });
      if (details.failed) {
        const replay = /replayPath="([^"]*)"/.exec(fc.stringify(details.counterexample?.[1]))?.[1];
        const command =
          `MODEL_SEED=${details.seed} MODEL_PATH=${details.counterexamplePath}` +
          (process.env.MODEL_COMMANDS ? ` MODEL_COMMANDS=${MAX_COMMANDS}` : "") +
          (replay ? ` MODEL_REPLAY=${replay}` : "") +
          " pnpm exec vitest run apps/api/test/model.test.ts";
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : "";
        throw new Error(`${fc.defaultReportMessage(details)}\n\n${cause}\n\nReplay with:\n  ${command}\n`);
      }
      if (process.env.MODEL_STATS) {
        const lines = [...stats]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, n]) => `${k.padEnd(28)} ${n}`);
        process.stdout.write(`answers by kind and status:\n${lines.join("\n")}\n${JSON.stringify(timing)}\n`);
      }
      if (!PATH) expect(details.numRuns).toBe(RUNS);
    },
    Math.max(120_000, RUNS * 2_000),
  );
});
