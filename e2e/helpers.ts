import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

/** The seeded demo accounts (SPEC §10) with the home page each role lands on. */
export const demoAccounts = {
  acmeAdmin: { email: "admin@acme.test", home: "/invoices/marketplace", organisation: "Acme 科技有限公司" },
  globexAdmin: {
    email: "admin@globex.test",
    home: "/invoices/marketplace",
    organisation: "Globex 贸易有限公司",
  },
  cloudsoftStaff: {
    email: "staff@cloudsoft.test",
    home: "/provider/queue",
    organisation: "CloudSoft 云软件",
  },
  datawiseStaff: { email: "staff@datawise.test", home: "/provider/queue", organisation: "DataWise 数据服务" },
  support: { email: "support@market.test", home: "/support/tickets", organisation: undefined },
} as const;

/** Fills the sign-in form the way a person does; resolves once the console has left /login. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await submitSignIn(page, email, password);
}

/** Fills and submits the sign-in form already on screen. */
async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Fails on serious or critical WCAG 2.x A/AA violations of the page as it is now. */
export async function expectNoA11yViolations(page: Page, options: { soft?: boolean } = {}): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
    );
  // soft: report and carry on, so one test can check every page of a role and list them all.
  (options.soft ? expect.soft : expect)(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Journey helpers (admin-journey, three-roles, accessibility specs).

const shotCounters = new Map<string, number>();

/** A numbered full-page screenshot kept with the test's artifacts: `01-marketplace.png`, … */
export async function snap(page: Page, name: string): Promise<void> {
  const info = test.info();
  const n = (shotCounters.get(info.testId) ?? 0) + 1;
  shotCounters.set(info.testId, n);
  await page.screenshot({
    path: info.outputPath(`${String(n).padStart(2, "0")}-${name}.png`),
    fullPage: true,
  });
}

/** Signs the current user out with the top bar's button and waits for the sign-in form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("邮箱")).toBeVisible();
}

/** Signs out (when signed in) and signs in as someone else, in the same tab. */
export async function switchUser(page: Page, email: string): Promise<void> {
  if (await page.getByRole("button", { name: "退出登录" }).isVisible()) {
    await signOut(page);
    await submitSignIn(page, email);
  } else {
    await signIn(page, email);
  }
}

/** Follows a link of the side navigation (主导航) and waits for the page's h1. */
export async function openFromNav(page: Page, link: string, heading = link): Promise<void> {
  await page
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: link, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The value (<dd>) next to a label (<dt>) of a description list. */
export function described(scope: Page | Locator, term: string): Locator {
  return scope
    .getByRole("term")
    .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(term)}\\s*$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/**
 * Picks an option of a TDesign Select/Cascader opened by clicking its labelled input. The popup's
 * options are <li>s without role="option" (reported), so they are found as list items by text.
 */
export async function chooseOption(
  page: Page,
  label: string | Locator,
  option: string | RegExp,
): Promise<void> {
  const input = typeof label === "string" ? page.getByLabel(label, { exact: true }) : label;
  await input.click();
  await pickListItem(page, option);
}

/** Clicks the visible popup list item whose text is exactly `option` (or matches the RegExp). */
export async function pickListItem(page: Page, option: string | RegExp): Promise<void> {
  const text = typeof option === "string" ? new RegExp(`^\\s*${escapeRegExp(option)}\\s*$`) : option;
  await page.getByRole("listitem").filter({ hasText: text }).filter({ visible: true }).click();
}

/**
 * Waits until no CSS animation or transition is running (dialogs zooming in, popups fading). A
 * function, not a string: Playwright evals a string predicate in the page, which the console's
 * Content-Security-Policy (no 'unsafe-eval') refuses.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}
