import type { Db } from "@mic/db";
import { deliverySettings } from "../lib/delivery-settings";
import { sendDueMail } from "../services/mail-send";
import { runSlaClock } from "../services/sla-clock";
import { deliverDueWebhooks } from "../services/webhooks-deliver";
import type { Job } from "./scheduler";

const BATCH = 20;

/** Works a queue until a claim comes back short (bounded, so one tick never runs for ever). */
async function drain(work: (db: Db) => Promise<number>, db: Db): Promise<void> {
  for (let round = 0; round < 25; round++) {
    if ((await work(db)) < BATCH) return;
  }
}

/** The outbox worker: due webhook attempts, every second, shared between processes by SKIP LOCKED. */
export const webhookDeliveryJob: Job = {
  name: "webhook-deliveries",
  everyMs: 1000,
  run: (db) => drain((d) => deliverDueWebhooks(d, new Date(), deliverySettings(), BATCH), db),
};

/** Mail jobs (notifications, e-invoice files), every two seconds. */
export const mailJob: Job = {
  name: "mail",
  everyMs: 2000,
  run: (db) => drain((d) => sendDueMail(d, new Date(), deliverySettings(), BATCH), db),
};

/** The SLA clock: due-soon and overdue notices, every five minutes. */
export const slaClockJob: Job = {
  name: "sla-clock",
  everyMs: 5 * 60 * 1000,
  run: async (db, now) => {
    await runSlaClock(db, now);
  },
};
