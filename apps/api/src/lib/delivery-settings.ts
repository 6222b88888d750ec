import { join } from "node:path";

/** How this process sends webhooks and mail (SPEC §9, §14): from env.ts in main.ts, from the test otherwise. */
export interface DeliverySettings {
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS: let webhooks reach loopback and private addresses (tests, development). */
  allowPrivateTargets: boolean;
  /** SMTP_URL; unset, mail is written as .eml files into `mailDir`. */
  smtpUrl?: string | undefined;
  /** DATA_DIR/mail. */
  mailDir: string;
  /** How long a worker keeps a claimed webhook attempt or mail (default 60 s). */
  leaseMs?: number;
}

export const defaultDeliverySettings = (dataDir = ".data"): DeliverySettings => ({
  allowPrivateTargets: false,
  mailDir: join(dataDir, "mail"),
});

// The scheduled jobs are registered at module load (jobs/index.ts) and run with the settings of the
// app that started them; every app of one process is configured alike.
let current: DeliverySettings = defaultDeliverySettings();

export function useDeliverySettings(settings: DeliverySettings): void {
  current = settings;
}

export function deliverySettings(): DeliverySettings {
  return current;
}
