import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client/client";

export type Db = PrismaClient;

/** One Prisma client over node-postgres; the same path serves PostgreSQL and embedded PGlite. */
export function createPrisma(url: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}
