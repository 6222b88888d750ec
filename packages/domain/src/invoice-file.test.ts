import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLayoutFile, recogniseInvoiceFile } from "./invoice-file";

const bytes = (s: string) => new TextEncoder().encode(s);

/** A ZIP of stored (uncompressed) entries: local headers, central directory, end record. */
function zip(entries: Record<string, string>): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  let count = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = [...bytes(name)];
    const data = [...bytes(content)];
    const offset = parts.length;
    const common = [
      ...u16(20),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(data.length),
      ...u32(data.length),
      ...u16(nameBytes.length),
      ...u16(0),
    ];
    parts.push(...u32(0x04034b50), ...common, ...nameBytes, ...data);
    central.push(
      ...u32(0x02014b50),
      ...u16(20),
      ...common,
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(offset),
      ...nameBytes,
    );
    count++;
  }
  const cdOffset = parts.length;
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(count),
    ...u16(count),
    ...u32(central.length),
    ...u32(cdOffset),
    ...u16(0),
  ];
  return new Uint8Array([...parts, ...central, ...end]);
}

describe("recogniseInvoiceFile: by content, never by name (SPEC §12)", () => {
  it("knows a PDF by its header, even after a few bytes of junk", () => {
    expect(recogniseInvoiceFile(bytes("%PDF-1.7\n..."))).toBe("PDF");
    expect(recogniseInvoiceFile(bytes("\n\n%PDF-1.4\n"))).toBe("PDF");
    expect(recogniseInvoiceFile(bytes(`${" ".repeat(1100)}%PDF-1.4`))).toBeNull();
  });

  it("knows an OFD as a ZIP with OFD.xml at its root, and refuses other ZIPs", () => {
    expect(recogniseInvoiceFile(zip({ "OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<x/>" }))).toBe("OFD");
    expect(recogniseInvoiceFile(zip({ "word/document.xml": "<x/>" }))).toBeNull();
    expect(recogniseInvoiceFile(zip({ "Doc_0/OFD.xml": "<x/>" }))).toBeNull();
    const truncated = zip({ "OFD.xml": "<x/>" }).slice(0, 40);
    expect(recogniseInvoiceFile(truncated)).toBeNull();
  });

  it("knows XML by its declaration or root element, in UTF-8, and refuses HTML and binary", () => {
    expect(recogniseInvoiceFile(bytes('<?xml version="1.0" encoding="UTF-8"?><EInvoice/>'))).toBe("XML");
    expect(recogniseInvoiceFile(bytes('\uFEFF  <EInvoice xmlns="urn:x">发票</EInvoice>'))).toBe("XML");
    expect(recogniseInvoiceFile(bytes("<html><body>hi</body></html>"))).toBeNull();
    expect(recogniseInvoiceFile(bytes("<!DOCTYPE html><html></html>"))).toBeNull();
    expect(recogniseInvoiceFile(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe]))).toBeNull();
    expect(recogniseInvoiceFile(bytes("<a>\u0000</a>"))).toBeNull();
  });

  it("refuses everything else: empty, images, text", () => {
    expect(recogniseInvoiceFile(new Uint8Array())).toBeNull();
    expect(recogniseInvoiceFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(recogniseInvoiceFile(bytes("发票号码 12345"))).toBeNull();
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const withZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]);
        expect(() => recogniseInvoiceFile(b)).not.toThrow();
        expect(() => recogniseInvoiceFile(withZip)).not.toThrow();
      }),
    );
  });

  it("treats PDF and OFD as the invoice itself, XML as data beside it", () => {
    expect(isLayoutFile("application/pdf")).toBe(true);
    expect(isLayoutFile("application/ofd")).toBe(true);
    expect(isLayoutFile("application/xml")).toBe(false);
  });
});
