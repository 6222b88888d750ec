// One API process as the harness runs it: `node --import tsx src/main.ts` in apps/api, its output
// appended to a log file, restarted after a kill; a death the harness did not cause is recorded.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface UnexpectedExit {
  process: number;
  /** False when it died before it ever answered HTTP (a failed start). */
  served: boolean;
  code: number | null;
  signal: string | null;
  at: number;
  logTail: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class ApiProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** Set while the harness itself ends the process (kill -9, SIGTERM at the end). */
  private expectingExit = false;
  private shuttingDown = false;
  starts = 0;
  readonly unexpectedExits: UnexpectedExit[] = [];
  /** Milliseconds from spawn to the first HTTP answer, per start. */
  readonly startMs: number[] = [];

  constructor(
    readonly index: number,
    readonly port: number,
    private readonly apiDir: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly logPath: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    this.starts++;
    appendFileSync(this.logPath, `\n--- chaos: start #${this.starts} at ${new Date().toISOString()} ---\n`);
    const fd = openSync(this.logPath, "a");
    const t0 = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: this.apiDir,
      env: this.env,
      stdio: ["ignore", fd, fd],
    });
    closeSync(fd);
    appendFileSync(this.logPath, `--- chaos: pid ${child.pid} on port ${this.port} ---\n`);
    this.child = child;
    this.expectingExit = false;
    let served = false;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        appendFileSync(
          this.logPath,
          `\n--- chaos: exit code=${code} signal=${signal} at ${new Date().toISOString()} ---\n`,
        );
        if (!this.expectingExit && !this.shuttingDown) {
          this.unexpectedExits.push({
            process: this.index,
            served,
            code,
            signal,
            at: Date.now(),
            logTail: this.logTail(30),
          });
          // Keep the run going: bring it back as a supervisor would, backing off while it keeps failing.
          const failing = this.unexpectedExits.filter((e) => Date.now() - e.at < 60_000).length;
          setTimeout(
            () => {
              if (!this.shuttingDown && this.child === child) void this.start().catch(() => {});
            },
            Math.min(500 * failing, 5000),
          );
        }
        resolve();
      });
    });
    await this.waitListening(child, 120_000);
    served = true;
    this.startMs.push(Date.now() - t0);
  }

  /** Up once it answers HTTP at all (the database may be down at that moment: that is a 503, still up). */
  private async waitListening(child: ChildProcess, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`API process ${this.index} exited during start; see ${this.logPath}`);
      }
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/api/health`, {
          signal: AbortSignal.timeout(2000),
        });
        await res.arrayBuffer();
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`API process ${this.index} did not answer within ${timeoutMs} ms; see ${this.logPath}`);
  }

  /** kill -9, then wait for the exit. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectingExit = true;
    child.kill("SIGKILL");
    await this.exited;
  }

  /** SIGTERM and wait; true when it exited on its own within the time, else it is killed. */
  async stop(timeoutMs = 15_000): Promise<boolean> {
    this.shuttingDown = true;
    const child = this.child;
    if (!child || !this.running) return true;
    this.expectingExit = true;
    child.kill("SIGTERM");
    const done = await Promise.race([this.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
    if (!done) {
      child.kill("SIGKILL");
      await this.exited;
    }
    return done;
  }

  /** Ends it at once, for an aborted run. */
  killNow() {
    this.shuttingDown = true;
    this.expectingExit = true;
    if (this.running) this.child?.kill("SIGKILL");
  }

  logTail(lines: number): string {
    try {
      return readFileSync(this.logPath, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  }
}
