import { applyMigrations } from "@mic/db";
import pg from "pg";
import type { TestProject } from "vitest/node";

export const TEMPLATE_DB = `mic_test_template_${process.pid}`;

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * With DATABASE_URL (CI: the PostgreSQL on 127.0.0.1:5432) the migrations are applied once into
 * a template database and every test file gets its own copy. Without it, each test file starts
 * its own in-memory embedded PostgreSQL (see test/db.ts).
 */
export default async function setup(project: TestProject) {
  const admin = process.env.DATABASE_URL;
  if (!admin) return;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await applyMigrations(withDatabase(admin, TEMPLATE_DB));
  project.provide("templateDb", TEMPLATE_DB);
  return async () => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await client.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}
