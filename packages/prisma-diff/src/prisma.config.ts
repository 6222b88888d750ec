// Prisma 6 configuration for the offline diff: a WASM schema engine on in-memory PGlite.
// Never point it at a real database: --from-migrations replays migrations into what it is given.
import { defineConfig } from "prisma/config";
// @ts-expect-error -- plain ESM module without types
import { memoryAdapterFactory } from "./adapter.mjs";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.MIC_DIFF_SCHEMA,
  adapter: async () => memoryAdapterFactory(),
});
