import { defineConfig } from "prisma/config";

// Only `prisma generate` reads this file: migrations are applied by src/migrate.ts
// (see docs/decisions/0001-offline-prisma.md).
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
