import type { Harness } from "./harness";

export type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** `app.inject` as one signed-in user: `call(method, url, body?, headers?)`. */
export function caller(h: Harness, cookie: string, defaults: Record<string, string> = {}) {
  return (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method,
      url,
      headers: { cookie, ...defaults, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

/** The same with one method per verb: `as(h, cookie).post(url, body)`. */
export function as(h: Harness, cookie: string, headers: Record<string, string> = {}) {
  const call = caller(h, cookie, headers);
  return {
    get: (url: string, extra?: Record<string, string>) => call("GET", url, undefined, extra),
    post: (url: string, body?: unknown, extra?: Record<string, string>) => call("POST", url, body, extra),
    patch: (url: string, body: unknown, extra?: Record<string, string>) => call("PATCH", url, body, extra),
    del: (url: string, extra?: Record<string, string>) => call("DELETE", url, undefined, extra),
  };
}
