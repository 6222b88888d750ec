// @vitest-environment node
/// <reference types="node" />
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { en as enCore } from "./en";
import { enConsole } from "./en-console";
import { zh as zhCore } from "./zh";
import { zhConsole } from "./zh-console";

const zh = { ...zhCore, ...zhConsole };
const en = { ...enCore, ...enConsole };

const SRC = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "i18n" || name === "test" ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Literal keys ("records.title") and the prefixes of built ones (`status.${s}` → "status."). */
function usage() {
  const code = sources(SRC)
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const prefixes = [...code.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1] ?? "");
  return (key: string) => code.includes(`"${key}"`) || prefixes.some((p) => key.startsWith(p));
}

describe("i18n dictionaries", () => {
  it("every key is used by the code", () => {
    const used = usage();
    expect(Object.keys(zh).filter((key) => !used(key))).toEqual([]);
  });

  it("keeps the signed-in pages' keys out of the core dictionary /login downloads", () => {
    const consolePrefixes = ["support.", "webhooks.", "returns.", "notifications.", "event."];
    expect(Object.keys(zhCore).filter((k) => consolePrefixes.some((p) => k.startsWith(p)))).toEqual([]);
    expect(Object.keys(zhConsole).every((k) => consolePrefixes.some((p) => k.startsWith(p)))).toBe(true);
  });

  it("en has exactly zh's keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it("placeholders use one syntax, {name}, and match between languages", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(zh)) {
      expect(text, key).not.toMatch(/\{\{|%s|%d|\$\{/);
      expect(names(en[key as keyof typeof en]), key).toEqual(names(text));
    }
  });
});
