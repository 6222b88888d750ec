import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, setUnauthorizedHandler, withQuery } from "./api-client";

const respond = (status: number, body?: unknown) =>
  vi
    .spyOn(globalThis, "fetch")
    .mockResolvedValue(new Response(body === undefined ? null : JSON.stringify(body), { status }));

afterEach(() => setUnauthorizedHandler(() => {}));

describe("withQuery", () => {
  it("drops empty, null and undefined values", () => {
    expect(withQuery("/api/x", { a: "1", b: "", c: undefined, d: null, e: 0 })).toBe("/api/x?a=1&e=0");
    expect(withQuery("/api/x", { a: "" })).toBe("/api/x");
  });
});

describe("api client", () => {
  it("sends mutations as JSON (the CSRF defence needs it) with the UI language", async () => {
    const fetch = respond(200, { ok: true });
    await api.post("/api/x");
    const [, init] = fetch.mock.calls[0] ?? [];
    expect(init?.body).toBe("{}");
    expect(init?.headers).toMatchObject({ "content-type": "application/json", "accept-language": "zh-CN" });
  });

  it("turns the error body into an ApiError with its code and fields", async () => {
    respond(400, { error: { code: "VALIDATION", message: "bad", fields: { amount: "amount.invalid" } } });
    const error = await api.get("/api/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION", fields: { amount: "amount.invalid" } });
  });

  it("calls the 401 handler, except for quiet probes", async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    respond(401, { error: { code: "UNAUTHENTICATED", message: "x" } });
    await api.get("/api/x").catch(() => {});
    expect(handler).toHaveBeenCalledTimes(1);
    await api.get("/api/x", { quiet401: true }).catch(() => {});
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("reports a network failure as status 0 in the UI language", async () => {
    vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(api.get("/api/x")).rejects.toMatchObject({ status: 0, message: "网络异常" });
  });
});
