import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes `x.br` (brotli 11) and `x.gz` (gzip 9) next to every text file of the build. The API serves
 * them with @fastify/static's `preCompressed` (apps/api/src/lib/web-console.ts): the best ratios,
 * computed once here instead of on every request. A copy that would not be smaller is not written.
 */
function precompress(): Plugin {
  return {
    name: "mic:precompress",
    apply: "build",
    async writeBundle(output, bundle) {
      const dir = output.dir;
      if (!dir) return;
      const jobs = Object.values(bundle)
        .filter((file) => COMPRESSIBLE.test(file.fileName) && !file.fileName.startsWith(".vite/"))
        .map(async (file) => {
          const body = Buffer.from(file.type === "chunk" ? file.code : file.source);
          const [br, gz] = await Promise.all([
            brotli(body, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gzipAsync(body, { level: 9 }),
          ]);
          const path = `${dir}/${file.fileName}`;
          if (br.length < body.length) await writeFile(`${path}.br`, br);
          if (gz.length < body.length) await writeFile(`${path}.gz`, gz);
        });
      await Promise.all(jobs);
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  // "@/x" → "<root>/src/x" (root-relative, so no node:path import is needed here).
  resolve: { alias: [{ find: /^@\//, replacement: "/src/" }] },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // dist/.vite/manifest.json: scripts/check-bundle-budget.mjs reads which chunks /login loads.
    // (Not served: the API's static files skip dot-directories.)
    manifest: true,
    // Budgets (gzip, per chunk and for /login) are checked by scripts/check-bundle-budget.mjs; this
    // only warns early about a minified chunk far above them.
    chunkSizeWarningLimit: 400,
    // No manualChunks: the split follows the lazy routes and locales (src/app/router.tsx,
    // src/lib/i18n/locales.ts). tdesign-react's ES build is one module per component with
    // `sideEffects` declared, so `import { Button } from "tdesign-react"` already tree-shakes to the
    // components used (verified on the build's module list), no per-component import paths needed.
  },
});
