import { useSearchParams } from "react-router";

/** The query parameter a notification (站内信) uses to point at one request on a list page. */
export const LINKED_REQUEST_PARAM = "request";

/**
 * `?request=<id>` on a list page: the request a notification links to, which the page opens in its
 * detail drawer; `close` drops it from the URL so closing the drawer is not undone by "back".
 */
export function useLinkedRequest() {
  const [params, setParams] = useSearchParams();
  const id = params.get(LINKED_REQUEST_PARAM)?.trim() || null;
  const close = () => {
    if (!params.has(LINKED_REQUEST_PARAM)) return;
    const next = new URLSearchParams(params);
    next.delete(LINKED_REQUEST_PARAM);
    setParams(next, { replace: true });
  };
  return { id, close };
}
