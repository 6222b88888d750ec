import type { Lang } from "@mic/contracts";
import type { GlobalConfigProvider } from "tdesign-react";
import type { MessageKey } from "./zh";

/** One language: the console's strings and TDesign's own (pagination, dialogs, date pickers). */
export interface Locale {
  lang: Lang;
  messages: Readonly<Record<MessageKey, string>>;
  tdesign: GlobalConfigProvider;
}

const loading = new Map<Lang, Promise<Locale>>();

/**
 * A language's data, downloaded when it is first needed: each language is a chunk of its own, so
 * the first page carries only the one it shows (the other comes with the language toggle).
 */
export function loadLocale(lang: Lang): Promise<Locale> {
  let locale = loading.get(lang);
  if (!locale) {
    const chunk = lang === "en" ? import("./locale-en") : import("./locale-zh");
    locale = chunk.then((m) => ({ lang, messages: m.messages, tdesign: m.tdesign }));
    // A failed download (offline for a moment) is tried again the next time.
    locale.catch(() => loading.delete(lang));
    loading.set(lang, locale);
  }
  return locale;
}
