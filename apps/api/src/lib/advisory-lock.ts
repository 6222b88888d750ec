import type { Tx } from "./tx";

/**
 * The namespaces of pg_advisory_xact_lock(int4, int4), in one table so that two uses can never
 * pick the same one. Locks taken in one transaction are taken in a fixed order by their callers.
 */
const NAMESPACE = {
  signInAccount: 0x51_67_01,
  signInAddress: 0x51_67_02,
  invoiceTitles: 0x51_67_11,
  mailingAddresses: 0x51_67_12,
} as const;

/** Holds the lock on `key` (e.g. a tenant id or an e-mail address) in `namespace` until the transaction ends. */
export async function lockUntilCommit(tx: Tx, namespace: keyof typeof NAMESPACE, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NAMESPACE[namespace]}::int4, hashtext(${key}))`;
}
