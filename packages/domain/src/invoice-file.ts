/**
 * What an uploaded e-invoice file is, judged by its bytes and never by its name (SPEC §12): a PDF,
 * an OFD (GB/T 33190: a ZIP package with OFD.xml at its root) or an XML document (the 数电票's
 * structured data). Anything else is not an invoice file.
 */
export const INVOICE_FILE_TYPES = {
  PDF: { contentType: "application/pdf", extension: "pdf" },
  OFD: { contentType: "application/ofd", extension: "ofd" },
  XML: { contentType: "application/xml", extension: "xml" },
} as const;
export type InvoiceFileType = keyof typeof INVOICE_FILE_TYPES;

/** A PDF or OFD is the invoice itself (版式文件); an XML only accompanies one. */
export function isLayoutFile(contentType: string): boolean {
  return (
    contentType === INVOICE_FILE_TYPES.PDF.contentType || contentType === INVOICE_FILE_TYPES.OFD.contentType
  );
}

const startsWith = (bytes: Uint8Array, prefix: string, at = 0) => {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix.charCodeAt(i)) return false;
  return true;
};

/** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H). */
function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 1024);
  for (let i = 0; i + 5 <= end; i++) if (bytes[i] === 0x25 && startsWith(bytes, "%PDF-", i)) return true;
  return false;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The names in a ZIP's central directory, or null when it is not a well-formed ZIP. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, "PK\u0003\u0004")) return null;
  // The end-of-central-directory record: 22 bytes, followed by a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8");
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function isOfd(bytes: Uint8Array): boolean {
  return zipEntryNames(bytes)?.some((name) => name.replace(/^\.?\//, "") === "OFD.xml") ?? false;
}

/** UTF-8 text (after an optional BOM and white space) that opens with a declaration or an element. */
function isXml(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  if (text.includes("\u0000")) return false;
  const start = text.replace(/^\uFEFF/, "").trimStart();
  // An HTML page is not an invoice's data, even when it parses as XML.
  if (/^<html[\s/>]/i.test(start)) return false;
  return /^<\?xml[\s?]/.test(start) || /^<[A-Za-z_][\w.:-]*[\s/>]/.test(start);
}

/** The file's type by its content, or null when it is none of PDF, OFD and XML. */
export function recogniseInvoiceFile(bytes: Uint8Array): InvoiceFileType | null {
  if (bytes.length === 0) return null;
  if (isPdf(bytes)) return "PDF";
  if (isOfd(bytes)) return "OFD";
  if (isXml(bytes)) return "XML";
  return null;
}
