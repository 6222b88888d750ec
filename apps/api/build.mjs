// `pnpm --filter @mic/api build`: the API as one JavaScript file, dist/main.js, so `start` runs
// plain Node without compiling TypeScript at every start (`tsx` stays for `dev` and tests).
// The workspace packages (@mic/*) export TypeScript source, so they are bundled in; every other
// package stays an ordinary import from node_modules.
import { build } from "esbuild";

const bundleWorkspace = {
  name: "bundle-workspace-only",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@mic/") ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  plugins: [bundleWorkspace],
  logLevel: "warning",
});
console.log("built apps/api/dist/main.js");
