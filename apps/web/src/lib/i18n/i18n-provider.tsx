import { tMessage as translateContractMessage, type Lang } from "@mic/contracts";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { storeLang } from "./lang-store";
import { loadLocale, type Locale } from "./locales";
import type { MessageKey } from "./zh";

export type { MessageKey };
export type TranslateParams = Record<string, string | number>;

interface I18nValue {
  lang: Lang;
  /** Switches once the language's chunk has arrived (the first page only downloads its own). */
  setLang: (lang: Lang) => void;
  /** A UI string from the dictionary. */
  t: (key: MessageKey, params?: TranslateParams) => string;
  /** A validation message key coming from the shared zod schemas ("taxpayerId.invalid", "tooLong:100"). */
  tm: (messageKey: string) => string;
  /** TDesign's strings for this language (ConfigProvider's globalConfig). */
  tdesign: Locale["tdesign"];
}

const I18nContext = createContext<I18nValue | null>(null);

function translate(messages: Locale["messages"], key: MessageKey, params?: TranslateParams): string {
  // A key of the signed-in pages asked for before their strings arrived shows as the key, never throws.
  const text = (messages[key] as string | undefined) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** `initial` is the stored language's locale, loaded before the first render (see main.tsx). */
export function I18nProvider({ initial, children }: { initial: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initial);
  const requested = useRef<Lang>(initial.lang);
  const lang = locale.lang;

  useEffect(() => {
    storeLang(lang);
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      requested.current = next;
      loadLocale(next).then(
        (loaded) => {
          // Toggled again while this one was on its way: the last choice wins.
          if (requested.current !== next) return;
          storeLang(next);
          setLocale(loaded);
        },
        // Not downloadable now (offline): the page stays in its language, the toggle can be tried again.
        () => {
          if (requested.current === next) requested.current = lang;
        },
      );
    },
    [lang],
  );

  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(locale.messages, key, params),
      tm: (messageKey) => translateContractMessage(messageKey, lang),
      tdesign: locale.tdesign,
    }),
    [lang, locale, setLang],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
