export { createPrisma, createResilientPool, type Db, type PrismaOptions } from "./client";
export { isConnectionError, isReadOnlyStatement, wasNeverSent } from "./connection-errors";
export { DataDirInUseError, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
export { applyMigrations, MigrationError, MIGRATIONS_DIR } from "./migrate";
export { seedDemoData, DEMO_PASSWORD } from "./seed";
export { addressSnapshotOf, titleSnapshotOf } from "./snapshots";
export { Prisma } from "../generated/client/client";
export type * from "../generated/client/client";
