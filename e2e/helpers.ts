import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Fails on serious or critical WCAG 2.x A/AA violations of the page as it is now. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
    );
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}
