import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { I18nProvider } from "@/lib/i18n/i18n-provider";
import { loadLocale } from "@/lib/i18n/locales";

/** Renders inside the Chinese locale (the default) and a router at `url`. */
export async function renderPage(ui: ReactElement, url = "/") {
  const locale = await loadLocale("zh-CN");
  return render(
    <MemoryRouter initialEntries={[url]}>
      <I18nProvider initial={locale}>{ui}</I18nProvider>
    </MemoryRouter>,
  );
}
