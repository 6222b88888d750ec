import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { Button } from "tdesign-react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import "./load-more.css";

type PagedQuery = Pick<UseInfiniteQueryResult, "hasNextPage" | "isFetchingNextPage" | "fetchNextPage">;

/** The footer under a keyset-paged list: 加载更多 while there is a next page, then 已加载全部. */
export function LoadMore({ query }: { query: PagedQuery }) {
  const { t } = useI18n();
  return (
    <div className="mic-load-more">
      {query.hasNextPage ? (
        <Button
          variant="outline"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t("common.loadMore")}
        </Button>
      ) : (
        <span className="mic-muted mic-small">{t("common.noMore")}</span>
      )}
    </div>
  );
}
