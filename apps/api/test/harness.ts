import { createPrisma, type Db } from "@mic/db";
import { afterAll, beforeAll } from "vitest";
import { buildApp, type App } from "../src/app";
import { seedDemo } from "../src/seed/demo-stories";
import { createTestDatabase, type TestDatabase } from "./db";

export const DEMO = {
  acme: "admin@acme.test",
  globex: "admin@globex.test",
  cloudsoft: "staff@cloudsoft.test",
  datawise: "staff@datawise.test",
  support: "support@market.test",
} as const;

export interface Harness {
  app: App;
  prisma: Db;
  url: string;
  /** Connections a client of this database may open (1 on the embedded database). */
  poolSize: number;
  /** Signs in and returns the Cookie header value. */
  login(email: string): Promise<string>;
  ids(): Promise<Ids>;
}

export interface Ids {
  acme: string;
  globex: string;
  cloudsoft: string;
  datawise: string;
  netguard: string;
}

/** A Fastify app on a database of the test file's own, seeded with the demo data of SPEC §10 and its requests. */
export function useHarness(): Harness {
  let db: TestDatabase;
  const h = {} as Harness;
  beforeAll(async () => {
    db = await createTestDatabase();
    h.url = db.url;
    h.poolSize = db.poolSize;
    h.prisma = createPrisma(db.url, { max: db.poolSize });
    await seedDemo(h.prisma);
    h.app = await buildApp({ prisma: h.prisma, sessionSecret: "test-secret", logLevel: "silent" });
    await h.app.ready();
  });
  afterAll(async () => {
    await h.app?.close();
    await h.prisma?.$disconnect();
    await db?.drop();
  });
  h.login = async (email: string) => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "demo-password" },
    });
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "mic_session");
    if (!cookie) throw new Error("no session cookie");
    return `mic_session=${cookie.value}`;
  };
  h.ids = async () => {
    const tenants = await h.prisma.tenant.findMany();
    const providers = await h.prisma.provider.findMany();
    const t = (p: string) => tenants.find((x) => x.name.startsWith(p))!.id;
    const p = (n: string) => providers.find((x) => x.name.startsWith(n))!.id;
    return {
      acme: t("Acme"),
      globex: t("Globex"),
      cloudsoft: p("CloudSoft"),
      datawise: p("DataWise"),
      netguard: p("NetGuard"),
    };
  };
  return h;
}
