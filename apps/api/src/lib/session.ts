import { createHmac, randomBytes } from "node:crypto";
import type { Role } from "@mic/domain";
import type { Db } from "@mic/db";
import type { FastifyReply, FastifyRequest } from "fastify";

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const COOKIE = "mic_session";
const SECURE_COOKIE = "__Host-mic_session";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  providerId: string | null;
  tenantName: string | null;
  providerName: string | null;
}

/**
 * Sessions live in the database, so any API process can serve any user. The cookie carries a
 * random token; the table keeps only its HMAC, so a leaked table cannot be replayed as cookies.
 */
export class Sessions {
  constructor(
    private readonly prisma: Db,
    private readonly secret: string,
  ) {}

  private idOf(token: string) {
    return createHmac("sha256", this.secret).update(token).digest("hex");
  }

  async create(reply: FastifyReply, request: FastifyRequest, userId: string): Promise<void> {
    const token = randomBytes(32).toString("base64url");
    await this.prisma.session.create({
      data: { id: this.idOf(token), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) },
    });
    const secure = request.protocol === "https";
    void reply.setCookie(secure ? SECURE_COOKIE : COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure,
      maxAge: SESSION_TTL_MS / 1000,
    });
  }

  private tokenOf(request: FastifyRequest): string | undefined {
    return request.cookies[SECURE_COOKIE] ?? request.cookies[COOKIE];
  }

  async destroy(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = this.tokenOf(request);
    if (token) await this.prisma.session.deleteMany({ where: { id: this.idOf(token) } });
    void reply.clearCookie(COOKIE, { path: "/" });
    void reply.clearCookie(SECURE_COOKIE, { path: "/", secure: true });
  }

  async load(request: FastifyRequest): Promise<SessionUser | undefined> {
    const token = this.tokenOf(request);
    if (!token || token.length > 100) return undefined;
    // One round trip on every authenticated request: the session, its user and their organisation.
    const rows = await this.prisma.$queryRaw<(SessionUser & { expiresAt: Date })[]>`
      SELECT u.id, u.email, u.name, u.role::text AS role, u."tenantId", u."providerId",
             t.name AS "tenantName", p.name AS "providerName", s."expiresAt"
        FROM "Session" s
        JOIN "User" u ON u.id = s."userId"
        LEFT JOIN "Tenant" t ON t.id = u."tenantId"
        LEFT JOIN "Provider" p ON p.id = u."providerId"
       WHERE s.id = ${this.idOf(token)} AND s."expiresAt" > now()`;
    const row = rows[0];
    if (!row) return undefined;
    // Sliding expiry, written at most once per half lifetime.
    if (row.expiresAt.getTime() - Date.now() < SESSION_TTL_MS / 2) {
      await this.prisma.session.update({
        where: { id: this.idOf(token) },
        data: { expiresAt: new Date(Date.now() + SESSION_TTL_MS) },
      });
    }
    const { expiresAt: _expiresAt, ...user } = row;
    return user;
  }
}
