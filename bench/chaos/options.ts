// Command-line options of `pnpm chaos` (see docs/chaos.md).

export const FAULT_KINDS = ["kill", "terminate", "pg_restart"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Options {
  /** API processes on one database (1 or more); clients spread their requests over all of them. */
  processes: number;
  /** Concurrent clients (at least 64 unless --clients says otherwise). */
  clients: number;
  /** Stop once this many operations are done (and every enabled fault ran at least once). */
  operations: number;
  /** Hard limit on the run's traffic phase, seconds. */
  maxSeconds: number;
  faults: Set<FaultKind>;
  /** Mean seconds between two faults. */
  faultInterval: number;
  /** Use this PostgreSQL server (an admin URL) instead of the harness's own cluster; no restart fault. */
  databaseUrl: string | undefined;
  /** Keep the run's database afterwards (it is kept anyway when the run finds a problem). */
  keepDatabase: boolean;
  long: boolean;
}

const USAGE = `pnpm chaos [options]
  --processes N       API processes on one database (default 1)
  --clients N         concurrent clients (default 64)
  --operations N      operations to run (default 10000; --long: 100000)
  --long              100,000 operations, up to 3 hours
  --faults LIST       all (default) | none | comma list of ${FAULT_KINDS.join(", ")}
  --fault-interval S  mean seconds between faults (default 10)
  --max-seconds S     stop the traffic after S seconds even if short of the operations (default 1800)
  --database-url URL  use this PostgreSQL (admin URL) instead of the harness's own cluster;
                      the PostgreSQL restart fault is then skipped
  --keep-database     keep the run's database afterwards`;

export function parseOptions(argv: string[]): Options {
  const o: Options = {
    processes: 1,
    clients: 64,
    operations: 10_000,
    maxSeconds: 1800,
    faults: new Set(FAULT_KINDS),
    faultInterval: 10,
    databaseUrl: undefined,
    keepDatabase: false,
    long: false,
  };
  let operationsGiven = false;
  let maxSecondsGiven = false;
  const args = argv.filter((a) => a !== "--");
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    const count = (min: number) => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < min) fail(`${flag} takes a whole number ≥ ${min}`);
      return v;
    };
    switch (flag) {
      case "--processes":
        o.processes = count(1);
        break;
      case "--clients":
        o.clients = count(4);
        break;
      case "--operations":
        o.operations = count(1);
        operationsGiven = true;
        break;
      case "--max-seconds":
        o.maxSeconds = count(10);
        maxSecondsGiven = true;
        break;
      case "--fault-interval":
        o.faultInterval = Number(value());
        if (!(o.faultInterval > 0)) fail("--fault-interval takes a positive number of seconds");
        break;
      case "--long":
        o.long = true;
        break;
      case "--faults": {
        const v = value();
        if (v === "all") o.faults = new Set(FAULT_KINDS);
        else if (v === "none") o.faults = new Set();
        else {
          o.faults = new Set();
          for (const kind of v.split(",").map((s) => s.trim())) {
            if (!(FAULT_KINDS as readonly string[]).includes(kind)) fail(`unknown fault ${kind}`);
            o.faults.add(kind as FaultKind);
          }
        }
        break;
      }
      case "--database-url":
        o.databaseUrl = value();
        break;
      case "--keep-database":
        o.keepDatabase = true;
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown option ${arg}`);
    }
  }
  if (o.long) {
    if (!operationsGiven) o.operations = 100_000;
    if (!maxSecondsGiven) o.maxSeconds = 3 * 3600;
  }
  return o;
}

function fail(message: string): never {
  console.error(`chaos: ${message}\n\n${USAGE}`);
  process.exit(2);
}
