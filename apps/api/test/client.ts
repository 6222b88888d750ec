import type { Harness } from "./harness";

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** A signed-in caller for inject(): `as(cookie).post(url, body)`. */
export function as(h: Harness, cookie: string, headers: Record<string, string> = {}) {
  const call = (method: Method, url: string, payload?: unknown, extra: Record<string, string> = {}) =>
    h.app.inject({
      method,
      url,
      headers: { cookie, ...headers, ...extra },
      ...(payload !== undefined
        ? { payload: payload as object }
        : method === "GET" || method === "DELETE"
          ? {}
          : { payload: {} }),
    });
  return {
    get: (url: string, extra?: Record<string, string>) => call("GET", url, undefined, extra),
    post: (url: string, body?: unknown, extra?: Record<string, string>) => call("POST", url, body, extra),
    patch: (url: string, body: unknown, extra?: Record<string, string>) => call("PATCH", url, body, extra),
    del: (url: string, extra?: Record<string, string>) => call("DELETE", url, undefined, extra),
  };
}
