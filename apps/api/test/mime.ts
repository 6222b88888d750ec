// Just enough MIME for the mail tests to read what nodemailer wrote: headers, RFC 2047 subjects,
// multipart bodies and base64 or quoted-printable parts.

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}
export interface Parsed {
  subject: string;
  to: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(
            data
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

function split(raw: Buffer): Part {
  const text = raw.toString("latin1");
  const at = text.search(/\r?\n\r?\n/);
  const head = text.slice(0, at).replace(/\r?\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const bodyStart = at + (/\r\n\r\n/.exec(text.slice(at))?.[0].length ?? 2);
  return { headers, body: Buffer.from(text.slice(bodyStart), "latin1") };
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers["content-transfer-encoding"] ?? "").toLowerCase();
  const text = part.body.toString("latin1");
  if (encoding === "base64") return Buffer.from(text.replace(/\s+/g, ""), "base64");
  if (encoding === "quoted-printable") {
    return Buffer.from(
      text
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    );
  }
  return part.body;
}

function leaves(part: Part): Part[] {
  const type = part.headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  const text = part.body.toString("latin1");
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => split(Buffer.from(chunk.replace(/^\r?\n/, ""), "latin1")))
    .flatMap(leaves);
}

export function parseMail(raw: Buffer): Parsed {
  const top = split(raw);
  const parts = leaves(top);
  const attachments = parts
    .filter((p) => /attachment/i.test(p.headers["content-disposition"] ?? ""))
    .map((p) => ({
      filename: decodeWords(/filename="?([^";]+)"?/i.exec(p.headers["content-disposition"] ?? "")?.[1] ?? ""),
      contentType: (p.headers["content-type"] ?? "").split(";")[0]!.trim(),
      content: decodeBody(p),
    }));
  const textPart = parts.find((p) => (p.headers["content-type"] ?? "text/plain").startsWith("text/plain"));
  return {
    subject: decodeWords(top.headers.subject ?? ""),
    to: top.headers.to ?? "",
    text: textPart ? decodeBody(textPart).toString("utf8") : "",
    attachments,
  };
}
