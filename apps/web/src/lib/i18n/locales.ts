import type { Lang } from "@mic/contracts";
import type { GlobalConfigProvider } from "tdesign-react";
import type { MessageKey } from "./zh";

/** One language: the console's strings and TDesign's own (pagination, dialogs, date pickers). */
export interface Locale {
  lang: Lang;
  /**
   * The language's strings: the core (sign-in, shell, shared components) from the start, the
   * signed-in pages' (zh-console.ts) merged in by `loadConsoleMessages` before the shell renders.
   */
  messages: Readonly<Record<MessageKey, string>>;
  tdesign: GlobalConfigProvider;
}

const loading = new Map<Lang, Promise<Locale>>();
const consoleLoading = new Map<Lang, Promise<void>>();

/** Retried the next time it is asked for when a download failed (offline for a moment). */
function cached<T>(map: Map<Lang, Promise<T>>, lang: Lang, load: () => Promise<T>): Promise<T> {
  let promise = map.get(lang);
  if (!promise) {
    promise = load();
    promise.catch(() => map.delete(lang));
    map.set(lang, promise);
  }
  return promise;
}

function loadCore(lang: Lang): Promise<Locale> {
  return cached(loading, lang, async () => {
    const m = lang === "en" ? await import("./locale-en") : await import("./locale-zh");
    // A copy of its own: the console part is merged into it.
    return { lang, messages: { ...m.messages } as Record<MessageKey, string>, tdesign: m.tdesign };
  });
}

/**
 * The signed-in pages' strings of `lang`, merged into its locale; the lazy shell waits for them
 * (src/app/router.tsx), so no page of the console renders before its words have arrived.
 */
export function loadConsoleMessages(lang: Lang): Promise<void> {
  return cached(consoleLoading, lang, async () => {
    const [locale, m] = await Promise.all([
      loadCore(lang),
      lang === "en" ? import("./locale-en-console") : import("./locale-zh-console"),
    ]);
    Object.assign(locale.messages, m.messages);
  });
}

/**
 * A language's data, downloaded when it is first needed: each language is a chunk of its own, so
 * the first page carries only the one it shows (the other comes with the language toggle). `core`
 * is what /login needs (main.tsx); the default also brings the signed-in pages' strings.
 */
export async function loadLocale(lang: Lang, part: "core" | "all" = "all"): Promise<Locale> {
  if (part === "all") await loadConsoleMessages(lang);
  return loadCore(lang);
}
