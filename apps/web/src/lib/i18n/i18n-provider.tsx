import { t as translateContractMessage, type Lang } from "@mic/contracts";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en } from "./en";
import { getLang, storeLang } from "./lang-store";
import { zh, type MessageKey } from "./zh";

export type { MessageKey };
export type TranslateParams = Record<string, string | number>;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A UI string from the dictionary. */
  t: (key: MessageKey, params?: TranslateParams) => string;
  /** A validation message key coming from the shared zod schemas ("taxpayerId.invalid", "tooLong:100"). */
  tm: (messageKey: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function translate(lang: Lang, key: MessageKey, params?: TranslateParams): string {
  const text = lang === "en" ? en[key] : zh[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(getLang);

  useEffect(() => {
    storeLang(lang);
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tm: (messageKey) => translateContractMessage(messageKey, lang),
    }),
    [lang, setLang],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
