/**
 * Writes the OpenAPI document to the file named by the first argument, from the app as it is
 * built, without listening or touching a database (scripts/openapi-lint.mjs lints it).
 */
import { writeFileSync } from "node:fs";
import { createPrisma } from "@mic/db";
import { buildApp } from "./app";

const out = process.argv[2];
if (!out) throw new Error("usage: openapi-document.ts <output.json>");
// Never connected: building the app runs no query.
const prisma = createPrisma("postgresql://openapi@127.0.0.1:1/none", { max: 1 });
const app = await buildApp({ prisma, sessionSecret: "openapi-document", logLevel: "silent" });
await app.ready();
writeFileSync(out, JSON.stringify(app.swagger(), null, 2));
await app.close();
await prisma.$disconnect();
