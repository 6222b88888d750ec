#!/usr/bin/env node
// The console's JavaScript budgets, checked on the production build (apps/web/dist), as `npm test`
// runs it right after `vite build`:
// - initial JS of /login ≤ 170 kB gzip: the entry chunk, the /login route chunk, the default
//   language's locale chunk and everything they import statically (what index.html modulepreloads
//   and what the sign-in form needs before it shows), i.e. what /login downloads before it is usable;
// - every other JS chunk (routes, shared lazy chunks, locale data) ≤ 50 kB gzip.
// Sizes are gzip as served: the build's own .gz files (written by the web build's precompress
// plugin) when present, otherwise gzip -9 of the file. kB = 1000 bytes, as Vite prints them.
// Prints key=value lines (`initial_js_gzip_kb`, `largest_route_chunk_gzip_kb`, …) for the bench and
// exits 1 naming each chunk over its budget.
// Usage: node scripts/check-bundle-budget.mjs [distDir] [--list]
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const list = args.includes("--list");
const dist = resolve(args.find((a) => !a.startsWith("--")) ?? join(root, "apps/web/dist"));

const INITIAL_BUDGET_KB = 170;
const CHUNK_BUDGET_KB = 50;
/** The module of the /login route (React.lazy in src/app/router.tsx). */
const LOGIN_ROUTE = "src/features/auth/components/login-page.tsx";
/** The default language's strings, loaded before the first render (src/lib/i18n/locales.ts). */
const DEFAULT_LOCALE = "src/lib/i18n/locale-zh.ts";
/** After an administrator signs in: the lazy shell and their first page (informational, no budget). */
const SHELL = "src/app/shell/app-shell.tsx";
const SIGNED_IN_ROUTE = "src/features/marketplace/components/marketplace-page.tsx";

const manifestFile = join(dist, ".vite/manifest.json");
if (!existsSync(manifestFile)) {
  console.error(`✖ ${manifestFile} is missing: build the console first (pnpm --filter @mic/web build).`);
  process.exit(1);
}
/** @type {Record<string, {file: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[]}>} */
const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));

const kb = (bytes) => Math.round(bytes / 100) / 10;
const sizes = new Map();
/** Bytes of one built file, raw and gzip as served. */
function sizeOf(file) {
  let size = sizes.get(file);
  if (!size) {
    const body = readFileSync(join(dist, file));
    const gz = join(dist, `${file}.gz`);
    const br = join(dist, `${file}.br`);
    size = {
      raw: body.length,
      gzip: existsSync(gz) ? readFileSync(gz).length : gzipSync(body, { level: 9 }).length,
      // What browsers get (all send `br`); informational, the budgets are gzip.
      br: existsSync(br) ? readFileSync(br).length : undefined,
    };
    sizes.set(file, size);
  }
  return size;
}

/** The JS files a manifest entry loads before it runs: itself and its static imports, transitively. */
function staticClosure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, into);
  return into;
}

const total = (files) => [...files].reduce((sum, f) => sum + sizeOf(f).gzip, 0);
const totalRaw = (files) => [...files].reduce((sum, f) => sum + sizeOf(f).raw, 0);
const totalBr = (files) => [...files].reduce((sum, f) => sum + (sizeOf(f).br ?? sizeOf(f).gzip), 0);

const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
if (entries.length !== 1) {
  console.error(`✖ expected one entry (index.html) in the build manifest, found ${entries.length}`);
  process.exit(1);
}
for (const key of [LOGIN_ROUTE, DEFAULT_LOCALE, SHELL, SIGNED_IN_ROUTE]) {
  if (!manifest[key]) {
    console.error(`✖ ${key} is not a chunk of its own in the build: update scripts/check-bundle-budget.mjs`);
    process.exit(1);
  }
}

const initial = staticClosure(entries[0]);
staticClosure(LOGIN_ROUTE, initial);
staticClosure(DEFAULT_LOCALE, initial);
const signedIn = staticClosure(SIGNED_IN_ROUTE, staticClosure(SHELL, new Set(initial)));

const jsFiles = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith(".js"));
const lazy = jsFiles
  .filter((f) => !initial.has(f))
  .map((file) => ({ file, ...sizeOf(file) }))
  .sort((a, b) => b.gzip - a.gzip);

const failures = [];
const initialGzip = total(initial);
if (kb(initialGzip) > INITIAL_BUDGET_KB) {
  const parts = [...initial]
    .map((f) => ({ f, gzip: sizeOf(f).gzip }))
    .sort((a, b) => b.gzip - a.gzip)
    .map(({ f, gzip }) => `${f} ${kb(gzip)} kB`)
    .join(", ");
  failures.push(`initial JS of /login is ${kb(initialGzip)} kB gzip > ${INITIAL_BUDGET_KB} kB: ${parts}`);
}
for (const chunk of lazy) {
  if (kb(chunk.gzip) > CHUNK_BUDGET_KB) {
    failures.push(`chunk ${chunk.file} is ${kb(chunk.gzip)} kB gzip > ${CHUNK_BUDGET_KB} kB`);
  }
}

if (list) {
  console.log("initial (/login):");
  for (const f of initial) console.log(`  ${f}\t${kb(sizeOf(f).raw)} kB\t${kb(sizeOf(f).gzip)} kB gzip`);
  console.log("lazy:");
  for (const c of lazy) console.log(`  ${c.file}\t${kb(c.raw)} kB\t${kb(c.gzip)} kB gzip`);
}
console.log(`initial_js_gzip_kb=${kb(initialGzip)}`);
console.log(`initial_js_br_kb=${kb(totalBr(initial))}`);
console.log(`initial_js_raw_kb=${kb(totalRaw(initial))}`);
console.log(`after_sign_in_js_gzip_kb=${kb(total(signedIn))}`);
console.log(`after_sign_in_js_raw_kb=${kb(totalRaw(signedIn))}`);
console.log(`largest_route_chunk_gzip_kb=${kb(lazy[0]?.gzip ?? 0)}`);
console.log(`largest_route_chunk=${lazy[0]?.file ?? "-"}`);
console.log(`js_chunks=${jsFiles.length}`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`✖ bundle budget: ${failure}`);
  process.exit(1);
}
console.log(
  `✔ bundle budgets: /login ≤ ${INITIAL_BUDGET_KB} kB gzip, every other chunk ≤ ${CHUNK_BUDGET_KB} kB gzip`,
);
