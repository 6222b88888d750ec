import { describe, expect, it } from "vitest";
import { errorStatuses, operationIdOf } from "../src/plugins/openapi";
import { useHarness } from "./harness";

const h = useHarness();

type Operation = { summary?: string; operationId?: string; responses: Record<string, unknown> };

describe("the OpenAPI document (plugins/openapi.ts)", () => {
  it("gives every operation a summary, a unique operationId and its 4xx answers; servers are set", async () => {
    const doc = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      servers?: { url: string }[];
      paths: Record<string, Record<string, Operation>>;
    }>();
    expect(doc.servers?.length).toBeGreaterThan(0);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(30);
    for (const { key, op } of operations) {
      expect(op.summary, key).toBeTruthy();
      expect(op.operationId, key).toBeTruthy();
      expect(
        Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)),
        key,
      ).toBe(true);
    }
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);

    const op = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses).sort();
    expect(op("/api/invoice-requests/{id}/cancel", "post")).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "409",
      "429",
    ]);
    expect(op("/api/providers", "get")).toEqual(["200", "401", "403"]);
    expect(op("/api/auth/login", "post")).toEqual(["200", "400", "401", "403", "429"]);
    expect(Object.keys(doc.paths["/api/invoice-requests/export.csv"]!.get!.responses)).toContain("200");
  });

  it("derives the error statuses from a route's roles and schemas", () => {
    const roles = { roles: ["SUPPORT"] as const };
    expect(errorStatuses({ method: "GET", config: roles }, {})).toEqual([401, 403]);
    expect(errorStatuses({ method: "GET", config: { public: true } }, { querystring: {} })).toEqual([400]);
    expect(errorStatuses({ method: "DELETE", config: roles }, { params: {} })).toEqual([
      400, 401, 403, 404, 409, 429,
    ]);
    expect(errorStatuses({ method: "POST", config: { public: true } }, {})).toEqual([403, 429]);
  });

  it("names operations after their method and path", () => {
    expect(operationIdOf("GET", "/api/invoice-requests/:id")).toBe("getInvoiceRequestsById");
    expect(operationIdOf("POST", "/api/tickets/:id/void")).toBe("postTicketsByIdVoid");
    expect(operationIdOf("GET", "/api/invoice-requests/export.csv")).toBe("getInvoiceRequestsExportCsv");
  });
});
