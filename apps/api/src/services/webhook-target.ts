import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { fieldError } from "../lib/errors";

// Loopback, private, link-local, shared (CGNAT), benchmarking, multicast and reserved ranges:
// nothing a webhook should reach on the operator's own network (SPEC §14).
const BLOCKED = new BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  BLOCKED.addSubnet(address, prefix, "ipv4");
}
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  BLOCKED.addSubnet(address, prefix, "ipv6");
}

/** True for an address a webhook may not reach unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Refuses (400 on `url`) a URL whose host is, or resolves to, a private or loopback address. The
 * check is repeated on the address actually connected to when delivering (`guardedLookup`), so a
 * name that later resolves elsewhere (DNS rebinding) is still refused.
 */
export async function checkWebhookTarget(raw: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(new URL(raw));
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw fieldError("url", "webhook.url.private");
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw fieldError("url", "webhook.url.unresolvable");
  }
  if (addresses.length === 0) throw fieldError("url", "webhook.url.unresolvable");
  if (addresses.some((a) => isPrivateAddress(a.address))) throw fieldError("url", "webhook.url.private");
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for http.request that refuses private addresses (a literal IP host is checked apart). */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => {
    lookup(hostname, { all: true, family: options.family ?? 0 })
      .then((addresses) => {
        const allowed = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
        if (allowed.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} resolves only to private addresses`);
          error.code = "EPRIVATE";
          callback(error, []);
          return;
        }
        if (options.all) callback(null, allowed);
        else callback(null, allowed[0]!.address, allowed[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, []));
  };
}

/** Whether a URL's literal IP host may be connected to (names go through `guardedLookup`). */
export function literalHostAllowed(url: URL, allowPrivate: boolean): boolean {
  const host = hostOf(url);
  return allowPrivate || isIP(host) === 0 || !isPrivateAddress(host);
}
