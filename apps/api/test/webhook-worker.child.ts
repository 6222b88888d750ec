// A webhook worker alone in a process, for the test that kills it with SIGKILL mid-delivery
// (webhooks.test.ts): the database URL and the lease come as arguments.
import { createPrisma } from "@mic/db";
import { deliverDueWebhooks } from "../src/services/webhooks-deliver";

const [url, leaseMs] = process.argv.slice(2);
const prisma = createPrisma(url!, { max: 4 });
process.stdout.write("ready\n");
for (;;) {
  await deliverDueWebhooks(prisma, new Date(), { allowPrivateTargets: true, leaseMs: Number(leaseMs) });
  await new Promise((r) => setTimeout(r, 100));
}
