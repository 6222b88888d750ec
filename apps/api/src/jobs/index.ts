// Every scheduled job of the API, registered once at load (jobs/scheduler.ts runs them).
import { registerJob } from "./scheduler";
import { mailJob, slaClockJob, webhookDeliveryJob } from "./delivery-jobs";
import { expireRedLettersJob } from "./expire-red-letters";

registerJob(expireRedLettersJob);
registerJob(webhookDeliveryJob);
registerJob(mailJob);
registerJob(slaClockJob);
