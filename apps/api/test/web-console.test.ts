import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { createPrisma, type Db } from "@mic/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app";
import { createTestDatabase, type TestDatabase } from "./db";

// A built console as `vite build` leaves it (apps/web/vite.config.ts): index.html, content-hashed
// files under assets/, each with its .br and .gz copies, and the manifest under .vite/.
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div>${"<!-- padding -->".repeat(40)}</body></html>`;
const SCRIPT = `export const greeting = ${JSON.stringify("你好 ".repeat(400))};\n`;
const ASSET = "/assets/index-AbC123.js";

function writeWithCopies(file: string, body: string) {
  writeFileSync(file, body);
  writeFileSync(`${file}.br`, brotliCompressSync(body));
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
}

let db: TestDatabase;
let prisma: Db;
let webDist: string;
let app: App;
let bare: App;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url, { max: db.poolSize });
  webDist = mkdtempSync(join(tmpdir(), "mic-web-"));
  mkdirSync(join(webDist, "assets"));
  mkdirSync(join(webDist, ".vite"));
  writeWithCopies(join(webDist, "index.html"), INDEX);
  writeWithCopies(join(webDist, ASSET), SCRIPT);
  writeFileSync(join(webDist, ".vite/manifest.json"), "{}");
  app = await buildApp({ prisma, sessionSecret: "t", logLevel: "silent", webDist });
  bare = await buildApp({ prisma, sessionSecret: "t", logLevel: "silent" });
});

afterAll(async () => {
  await app?.close();
  await bare?.close();
  await prisma?.$disconnect();
  await db?.drop();
  rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string, on: App = app) =>
  on.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

describe("serving the built console", () => {
  it("sends hashed assets brotli- or gzip-compressed as Accept-Encoding allows, the same bytes decoded", async () => {
    const br = await get(ASSET, "gzip, deflate, br");
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 2);

    const gz = await get(ASSET, "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get(ASSET);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    const identity = await get(ASSET, "identity");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body).toBe(SCRIPT);
  });

  it("caches hashed assets for a year as immutable, whatever the encoding", async () => {
    for (const encoding of ["br", "gzip", undefined]) {
      const res = await get(ASSET, encoding);
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"], encoding).toBe("public, max-age=31536000, immutable");
    }
  });

  it("sends index.html no-cache (revalidated with its ETag), at / and for deep links, compressed", async () => {
    for (const url of ["/", "/index.html", "/invoices/records", "/invoices/records/abc?tab=1", "/login"]) {
      const res = await get(url, "br, gzip");
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(INDEX);
      // The CSP of the API's security headers reaches the console too.
      expect(res.headers["content-security-policy"], url).toContain("script-src 'self'");
    }
    const plain = await get("/invoices/records");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe("no-cache");
    expect(plain.body).toBe(INDEX);

    const etag = plain.headers.etag;
    expect(etag).toBeTruthy();
    const again = await app.inject({
      method: "GET",
      url: "/invoices/records",
      headers: { "if-none-match": String(etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it("answers HEAD of the console's pages like GET, without the body", async () => {
    for (const url of ["/", "/login", "/invoices/records", "/invoices/records/abc?tab=1"]) {
      const got = await get(url);
      const head = await app.inject({ method: "HEAD", url });
      expect(head.statusCode, url).toBe(200);
      expect(head.headers["content-type"], url).toMatch(/^text\/html/);
      expect(head.headers["content-type"], url).toBe(got.headers["content-type"]);
      expect(head.headers["cache-control"], url).toBe("no-cache");
      expect(head.body, url).toBe("");
    }
    const api = await app.inject({ method: "HEAD", url: "/api/nope" });
    expect(api.statusCode).toBe(404);
  });

  it("keeps unknown /api routes, missing assets and unlisted files a JSON 404", async () => {
    for (const url of [
      "/api/nope",
      "/api/invoice-requests/x/y/z",
      "/assets/index-Gone99.js",
      `${ASSET}.br`,
    ]) {
      const res = await get(url, "br, gzip");
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"], url).toMatch(/^application\/json/);
      expect(res.json().error.code, url).toBe("NOT_FOUND");
    }
    expect((await get("/api/nope")).headers["cache-control"]).toBe("no-store");
    // The build manifest (dot-directory) is not served: the path is just another deep link.
    expect((await get("/.vite/manifest.json")).body).toBe(INDEX);
    const post = await app.inject({ method: "POST", url: "/invoices/records", payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe("NOT_FOUND");
  });

  it("answers every unknown route with the JSON 404 when no console is built", async () => {
    for (const url of ["/", "/invoices/records", "/api/nope", ASSET]) {
      const res = await get(url, "br", bare);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe("NOT_FOUND");
    }
  });
});
