import { describe, expect, it } from "vitest";
import { COURIER_TRACKING_URLS, COURIERS, courierOf, trackingUrlOf } from "./couriers";
import { shipInput } from "./invoices";

describe("the courier dictionary (SPEC §8)", () => {
  it("reads a code or a name of a common courier as its Chinese name and code", () => {
    for (const given of ["SF", "sf", "顺丰速运", "顺丰", "SF Express", " sf  express "]) {
      expect(courierOf(given), given).toEqual({ name: "顺丰速运", code: "SF" });
    }
    expect(courierOf("中通")).toEqual({ name: "中通快递", code: "ZTO" });
    expect(courierOf("EMS")).toEqual({ name: "EMS", code: "EMS" });
  });

  it("keeps any other courier's name as typed, with no code", () => {
    expect(courierOf(" 安能物流 ")).toEqual({ name: "安能物流", code: null });
    expect(courierOf("OTHER")).toEqual({ name: "OTHER", code: null });
  });

  it("links the common couriers' tracking pages, with the number encoded", () => {
    for (const code of COURIERS.filter((c) => c !== "OTHER")) {
      expect(COURIER_TRACKING_URLS[code]).toMatch(/^https:\/\/.+\{n\}/);
      expect(trackingUrlOf(code, "AB 12")).toContain("AB%2012");
    }
    expect(trackingUrlOf(null, "SF1")).toBeNull();
    expect(trackingUrlOf("SF", null)).toBeNull();
    expect(trackingUrlOf("ANE", "1")).toBeNull();
  });

  it("accepts a courier of 1–50 characters in the ship body", () => {
    const ship = (courier: string) =>
      shipInput.safeParse({ invoiceNumber: "04403299", courier, trackingNumber: "SF9876543210" });
    expect(ship("顺丰速运").success).toBe(true);
    expect(ship("x".repeat(50)).success).toBe(true);
    expect(ship("x".repeat(51)).error?.issues[0]?.message).toBe("tooLong:50");
    expect(ship("  ").error?.issues[0]?.message).toBe("required");
  });
});
