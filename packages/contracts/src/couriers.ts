import { COURIER_LABELS } from "./labels";

/**
 * The console's courier codes (the ship dialog's list); "OTHER" lets staff type any other name.
 * A request stores the courier's name; its code is derived from the name with `courierOf`.
 */
export const COURIERS = ["SF", "EMS", "JD", "ZTO", "YTO", "STO", "YUNDA", "JT", "DBL", "OTHER"] as const;
export type CourierCode = (typeof COURIERS)[number];
export type KnownCourierCode = Exclude<CourierCode, "OTHER">;

/**
 * Each common courier's own tracking page, `{n}` standing for the URL-encoded tracking number.
 * Where a courier has no deep link of its own, kuaidi100's public query page serves for it.
 */
export const COURIER_TRACKING_URLS: Record<KnownCourierCode, string> = {
  SF: "https://www.sf-express.com/chn/sc/waybill/waybill-detail/{n}",
  EMS: "https://www.kuaidi100.com/chaxun?com=ems&nu={n}",
  JD: "https://www.kuaidi100.com/chaxun?com=jd&nu={n}",
  ZTO: "https://www.kuaidi100.com/chaxun?com=zhongtong&nu={n}",
  YTO: "https://www.kuaidi100.com/chaxun?com=yuantong&nu={n}",
  STO: "https://www.kuaidi100.com/chaxun?com=shentong&nu={n}",
  YUNDA: "https://www.kuaidi100.com/chaxun?com=yunda&nu={n}",
  JT: "https://www.kuaidi100.com/chaxun?com=jtexpress&nu={n}",
  DBL: "https://www.kuaidi100.com/chaxun?com=debangkuaidi&nu={n}",
};

const KNOWN = COURIERS.filter((c): c is KnownCourierCode => c !== "OTHER");
const normalise = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
const BY_NAME = new Map<string, KnownCourierCode>(
  KNOWN.flatMap((code) => [
    [normalise(code), code],
    [normalise(COURIER_LABELS[code].zh), code],
    [normalise(COURIER_LABELS[code].en), code],
  ]),
);
// Names people commonly type for the same couriers.
for (const [alias, code] of [
  ["顺丰", "SF"],
  ["顺丰快递", "SF"],
  ["中国邮政", "EMS"],
  ["邮政EMS", "EMS"],
  ["京东", "JD"],
  ["京东快递", "JD"],
  ["中通", "ZTO"],
  ["圆通", "YTO"],
  ["圆通快递", "YTO"],
  ["申通", "STO"],
  ["韵达", "YUNDA"],
  ["韵达速递", "YUNDA"],
  ["极兔", "JT"],
  ["德邦", "DBL"],
  ["德邦物流", "DBL"],
] as const) {
  BY_NAME.set(normalise(alias), code);
}

/**
 * A courier as `ship` receives it (SPEC §8): a code (`SF`) or a name (`顺丰速运`, `SF Express`,
 * `顺丰`) of a common courier gives its Chinese name and code; any other name is kept as typed,
 * with no code. Stored rows hold the name (older rows a code): this reads both.
 */
export function courierOf(input: string): { name: string; code: KnownCourierCode | null } {
  const code = BY_NAME.get(normalise(input)) ?? null;
  return code ? { name: COURIER_LABELS[code].zh, code } : { name: input.trim(), code: null };
}

/** The tracking page of a parcel with a common courier; null for other couriers. */
export function trackingUrlOf(courierCode: string | null, trackingNumber: string | null): string | null {
  if (!courierCode || !trackingNumber) return null;
  const template = (COURIER_TRACKING_URLS as Record<string, string | undefined>)[courierCode];
  return template ? template.replace("{n}", encodeURIComponent(trackingNumber)) : null;
}
