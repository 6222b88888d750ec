import { existsSync } from "node:fs";
import { defineConfig, devices, type ReporterDescription } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's chromium when present (CI, offline machines); otherwise Playwright's own download
// (`pnpm exec playwright install chromium`, which `npm test` runs for you).
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const reporter: ReporterDescription[] = [["list"]];
// `npm test` asks for a machine-readable summary to print the pass/fail totals.
if (process.env.E2E_JSON_REPORT) reporter.push(["json", { outputFile: process.env.E2E_JSON_REPORT }]);
if (!process.env.CI) reporter.push(["html", { open: "never", outputFolder: "playwright-report" }]);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // A fresh database every run: see scripts/e2e-server.mjs.
    command: "node scripts/e2e-server.mjs",
    // Webhook checks post to a receiver on 127.0.0.1 (e2e/notifications.spec.ts).
    env: { PORT: String(port), WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" },
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
