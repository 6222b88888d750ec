import type { Db } from "@mic/db";
import fp from "fastify-plugin";

/**
 * A job that runs every `everyMs` in every API process that has jobs turned on. Jobs must be safe
 * when two processes run them at the same moment (conditional updates, SKIP LOCKED): there is no
 * leader election.
 */
export interface Job {
  /** Unique; names the job in the log and in `app.scheduler.runNow(name)`. */
  name: string;
  everyMs: number;
  run(db: Db, now: Date): Promise<void>;
}

const registry = new Map<string, Job>();

/**
 * Adds a job to the process's list (call it at module load, from jobs/index.ts). The app starts the
 * jobs when it is ready and stops them on close; registering a name twice is a mistake.
 */
export function registerJob(job: Job): void {
  if (registry.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
  if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
  registry.set(job.name, job);
}

/** The registered jobs, in registration order. */
export function registeredJobs(): Job[] {
  return [...registry.values()];
}

export interface Scheduler {
  /** Runs one job once, now, and waits for it (tests, or an operator's nudge); errors propagate. */
  runNow(name: string, now?: Date): Promise<void>;
  /** Whether the timers run in this process (AppOptions.jobs). */
  readonly running: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    scheduler: Scheduler;
  }
}

export interface SchedulerOptions {
  /** Start the timers when the app is ready (main.ts: yes; tests: no unless they ask). */
  start: boolean;
  /** The jobs to run; defaults to every registered job. */
  jobs?: Job[];
}

/**
 * Runs each job every `everyMs` (first run right after start). A run that is still going when its
 * next turn comes is not doubled; a failing run is logged and the next one tries again. Close stops
 * the timers and waits for the runs in flight, so the database is not closed under them.
 */
export const schedulerPlugin = fp<SchedulerOptions>(
  async (app, options) => {
    const jobs = options.jobs ?? registeredJobs();
    const byName = new Map(jobs.map((j) => [j.name, j]));
    const timers: NodeJS.Timeout[] = [];
    const inFlight = new Map<string, Promise<void>>();
    let stopped = false;

    const tick = (job: Job) => {
      if (stopped || inFlight.has(job.name)) return;
      const run = job
        .run(app.prisma, new Date())
        .catch((error: unknown) => app.log.warn({ err: error, job: job.name }, "scheduled job failed"))
        .finally(() => inFlight.delete(job.name));
      inFlight.set(job.name, run);
    };

    app.decorate("scheduler", {
      running: options.start,
      async runNow(name: string, now = new Date()) {
        const job = byName.get(name);
        if (!job) throw new Error(`no job named ${name}`);
        await job.run(app.prisma, now);
      },
    } satisfies Scheduler);

    if (!options.start) return;
    app.addHook("onReady", async () => {
      for (const job of jobs) {
        timers.push(setTimeout(() => tick(job), 0).unref());
        timers.push(setInterval(() => tick(job), job.everyMs).unref());
      }
    });
    app.addHook("onClose", async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(inFlight.values());
    });
  },
  { name: "scheduler", dependencies: ["database"] },
);
