// `pnpm bench:data [--scale 1] [--database mic_bench] [--tenants N] [--providers N] [--ledger N]
//                  [--requests N] [--big-share 0.2] [--jobs 2]`
// Creates the database fresh on the server of DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
// and fills it with scale data (see data-gen.ts); prints key=value timings.
import { generateData } from "./data-gen";
import { checkIdent, DEFAULT_SERVER, kv, loadAverage, numberArg, parseArgs, stringArg } from "./lib";

const args = parseArgs(process.argv.slice(2));
const server = process.env.DATABASE_URL || DEFAULT_SERVER;
const database = checkIdent(stringArg(args, "database", "mic_bench"));
const optional = (name: string) => (args.has(name) ? numberArg(args, name, 0) : undefined);

kv("load_avg_start", loadAverage());
const shape = await generateData(server, database, {
  scale: numberArg(args, "scale", 1),
  tenants: optional("tenants"),
  providers: optional("providers"),
  ledger: optional("ledger"),
  requests: optional("requests"),
  bigShare: optional("big-share"),
  jobs: optional("jobs"),
});
kv("load_avg_end", loadAverage());
console.log(
  `summary database=${database} tenants=${shape.tenants} providers=${shape.providers} ledger_rows=${shape.ledgerRows} ` +
    `request_rows=${shape.requestRows} big_tenant_requests=${shape.bigTenantRequests} sign_in=${shape.bigAdmin}`,
);
