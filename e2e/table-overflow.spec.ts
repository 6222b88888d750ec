import { expect, test, type Page } from "@playwright/test";
import { demoAccounts, signIn } from "./helpers";

/** Every list page of each role (issue 11: tables wider than their card at 1440 px). */
const LISTS = [
  {
    account: demoAccounts.acmeAdmin,
    pages: [
      "/invoices/marketplace",
      "/invoices/records",
      "/invoices/returns",
      "/invoices/tickets",
      "/invoices/titles",
      "/invoices/addresses",
      "/invoices/withdrawals",
    ],
  },
  {
    account: demoAccounts.cloudsoftStaff,
    pages: ["/provider/queue", "/provider/queue?status=MAILING", "/provider/returns"],
  },
  {
    account: demoAccounts.support,
    pages: [
      "/support/tickets?status=ALL",
      "/support/records",
      "/support/returns",
      "/support/refunds",
      "/support/audit",
      "/support/calendar",
    ],
  },
];

/** A card wider than it shows, a table that scrolls its actions out of view, or a heading on two lines. */
async function overflowing(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const wide = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    for (const card of document.querySelectorAll(".mic-panel")) {
      if (!card.querySelector("table")) continue;
      if (wide(card)) found.push(`card ${card.querySelector("table")?.getAttribute("aria-label")}`);
      // Wider than the card, a table scrolls inside it, keeping its action column in view.
      for (const scroller of card.querySelectorAll(".t-table__content")) {
        const actions = scroller.querySelector("tbody td:last-child");
        if (wide(scroller) && actions && !actions.className.includes("fixed-right")) {
          found.push(
            `table ${card.querySelector("table")?.getAttribute("aria-label")} scrolls its actions away`,
          );
        }
      }
      for (const th of card.querySelectorAll("th")) {
        const text = th.textContent?.trim() ?? "";
        const lineHeight = parseFloat(getComputedStyle(th).lineHeight) || 22;
        const inner = th.querySelector(".t-table__th-cell-inner") ?? th;
        if (text && inner.getBoundingClientRect().height > lineHeight * 1.6)
          found.push(`heading ${text} wraps`);
      }
    }
    return found;
  });
}

for (const { account, pages } of LISTS) {
  test(`${account.email}: no table wider than its card at 1440 and 1280 px`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, account.email);
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const url of pages) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.locator(".mic-state")).toHaveCount(0);
        await expect.poll(() => overflowing(page), { message: `${url} at ${width}px` }).toEqual([]);
      }
    }
  });
}
