import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ConfigProvider } from "tdesign-react";
import { queryKeys } from "@/api/query-keys";
import { ApiError, setUnauthorizedHandler } from "@/lib/api-client";
import { I18nProvider, useI18n } from "@/lib/i18n/i18n-provider";
import type { Locale } from "@/lib/i18n/locales";

function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // 4xx will not get better by asking again; network hiccups might.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
    queryCache: new QueryCache(),
    mutationCache: new MutationCache(),
  });
  // Session gone mid-use: forget the user, the route guard then sends to /login?returnTo=…
  setUnauthorizedHandler(() => client.setQueryData(queryKeys.me, null));
  return client;
}

function LocalisedTDesign({ children }: { children: ReactNode }) {
  const { tdesign } = useI18n();
  return <ConfigProvider globalConfig={tdesign}>{children}</ConfigProvider>;
}

/** `locale`: the stored language's data, loaded before the first render (main.tsx). */
export function AppProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initial={locale}>
        <LocalisedTDesign>{children}</LocalisedTDesign>
      </I18nProvider>
    </QueryClientProvider>
  );
}
