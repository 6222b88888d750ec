import type { Notification } from "@mic/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage } from "@/test/render";
import { unreadCountQueryOptions } from "../api/get-unread-count";
import { notificationKeys } from "../api/query-keys";
import { requestLink } from "../request-link";
import { badgeText, NotificationBell } from "./notification-bell";

const notice = (id: string, readAt: string | null, requestId: string | null = "req-1"): Notification => ({
  id,
  type: "invoice_request.created",
  title: `新的开票申请 MI2026120300000${id.slice(-1)}`,
  body: "Acme 科技有限公司 申请开票 ¥1.00",
  requestId,
  readAt,
  createdAt: "2026-12-03T12:00:00.000Z",
});

/** A fake API: the unread count, the latest page and the read calls it was sent. */
function fakeApi(initialCount: number, items: Notification[]) {
  const posts: string[] = [];
  const lists: string[] = [];
  const state = { count: initialCount };
  // The API client always fetches a path string.
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    if (init?.method === "POST") posts.push(url);
    if (url.startsWith("/api/notifications?")) lists.push(url);
    const body = url.startsWith("/api/notifications/unread-count")
      ? { count: state.count }
      : url.startsWith("/api/notifications?")
        ? { items, nextCursor: null }
        : { ok: true };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  vi.stubGlobal("fetch", fetchMock);
  return { posts, lists, state };
}

function Where() {
  const location = useLocation();
  return <output aria-label="where">{`${location.pathname}${location.search}`}</output>;
}

async function renderBell(
  role: "PROVIDER_STAFF" | "ENTERPRISE_ADMIN" = "PROVIDER_STAFF",
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
) {
  return renderPage(
    <QueryClientProvider client={client}>
      <NotificationBell role={role} />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
    </QueryClientProvider>,
    "/provider/queue",
  );
}

describe("notification bell", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("announces the unread count and shows it on a badge", async () => {
    fakeApi(3, []);
    await renderBell();
    const bell = await screen.findByRole("button", { name: "站内信，3 条未读" });
    expect(bell.getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByTestId("notification-badge").textContent).toBe("3");
  });

  it("has no badge and a plain name with nothing unread", async () => {
    fakeApi(0, []);
    await renderBell();
    await waitFor(() => expect(screen.getByRole("button", { name: "站内信" })).toBeTruthy());
    expect(screen.queryByTestId("notification-badge")).toBeNull();
  });

  it("opens the latest, leads to the request and marks it read; Escape closes", async () => {
    const { posts } = fakeApi(1, [notice("n1", null), notice("n2", "2026-12-03T12:05:00.000Z", null)]);
    await renderBell();
    const bell = await screen.findByRole("button", { name: "站内信，1 条未读" });
    await userEvent.click(bell);
    const panel = await screen.findByRole("region", { name: "最新消息" });
    expect(panel.textContent).toContain("1 条未读");
    expect(panel.textContent).toContain("新开票申请");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "最新消息" })).toBeNull();
    expect(document.activeElement).toBe(bell);

    await userEvent.click(bell);
    const link = await screen.findByRole("link", { name: /MI20261203000001/ });
    expect(link.getAttribute("href")).toBe("/provider/queue?request=req-1");
    await userEvent.click(link);
    expect(screen.getByLabelText("where").textContent).toBe("/provider/queue?request=req-1");
    await waitFor(() => expect(posts).toEqual(["/api/notifications/n1/read"]));
    // Navigating closed the dropdown.
    expect(screen.queryByRole("region", { name: "最新消息" })).toBeNull();
  });

  it("marks all read from the dropdown", async () => {
    const { posts } = fakeApi(2, [notice("n1", null)]);
    await renderBell();
    await userEvent.click(await screen.findByRole("button", { name: "站内信，2 条未读" }));
    await userEvent.click(await screen.findByRole("button", { name: "全部标为已读" }));
    await waitFor(() => expect(posts).toEqual(["/api/notifications/read-all"]));
  });

  it("refreshes the open list when a poll finds more unread", async () => {
    const api = fakeApi(1, [notice("n1", null)]);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await renderBell("PROVIDER_STAFF", client);
    await userEvent.click(await screen.findByRole("button", { name: "站内信，1 条未读" }));
    await screen.findByRole("region", { name: "最新消息" });
    await waitFor(() => expect(api.lists).toHaveLength(1));
    api.state.count = 2;
    await client.refetchQueries({ queryKey: notificationKeys.unreadCount });
    await screen.findByRole("button", { name: "站内信，2 条未读" });
    await waitFor(() => expect(api.lists).toHaveLength(2));
  });
});

describe("bell helpers", () => {
  it("polls the count every 30 s and on every focus", () => {
    const options = unreadCountQueryOptions();
    expect(options.refetchInterval).toBe(30_000);
    expect(options.refetchOnWindowFocus).toBe("always");
  });

  it("shows 99+ past two digits", () => {
    expect(badgeText(7)).toBe("7");
    expect(badgeText(99)).toBe("99");
    expect(badgeText(100)).toBe("99+");
  });

  it("links each role to its view of a request", () => {
    expect(requestLink("ENTERPRISE_ADMIN", "a b")).toBe("/invoices/records/a%20b");
    expect(requestLink("PROVIDER_STAFF", "r1")).toBe("/provider/queue?request=r1");
    expect(requestLink("SUPPORT", "r1")).toBe("/support/records?request=r1");
  });
});
