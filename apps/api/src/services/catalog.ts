import type { Db } from "@mic/db";

/** Every provider, by name (a marketplace has a few hundred at most). */
export async function listProviders(db: Db) {
  const rows = await db.provider.findMany({ orderBy: { name: "asc" }, take: 500 });
  return {
    items: rows.map((p) => ({
      id: p.id,
      name: p.name,
      contactPhone: p.contactPhone,
      contactEmail: p.contactEmail,
      invoiceTypes: p.invoiceTypes,
    })),
    nextCursor: null,
  };
}

/** Every tenant, by name, for support's filters. */
export async function listTenants(db: Db) {
  const rows = await db.tenant.findMany({ orderBy: { name: "asc" }, take: 500 });
  return { items: rows.map((t) => ({ id: t.id, name: t.name })), nextCursor: null };
}
