// A PGlite driver adapter for Prisma 6's WASM schema engine, used only to replay migrations
// into a throw-away in-memory database. pglite-prisma-adapter's executeScript does not await
// PGlite's exec(), and PGlite's query() takes one statement, so scripts and parameterless
// statements are sent through exec() here.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

function fixScripts(adapter, client) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeScript = async (script) => {
    try {
      await client.exec(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    try {
      await client.exec(query.sql);
    } catch (error) {
      adapter.onError(error);
    }
    return 0;
  };
  return adapter;
}

export function memoryAdapterFactory() {
  const factory = new PrismaPGlite(new PGlite());
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return fixScripts(await factory.connect(), factory.client);
    },
    async connectToShadowDb() {
      const client = new PGlite();
      return fixScripts(await new PrismaPGlite(client).connect(), client);
    },
  };
}
