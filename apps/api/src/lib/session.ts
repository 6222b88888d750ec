import { createHmac, randomBytes } from "node:crypto";
import type { Role } from "@mic/domain";
import type { Db } from "@mic/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
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

declare module "fastify" {
  interface FastifyRequest {
    user?: SessionUser;
  }
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
    const session = await this.prisma.session.findUnique({
      where: { id: this.idOf(token) },
      include: { user: { include: { tenant: true, provider: true } } },
    });
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    // Sliding expiry, written at most once per half lifetime.
    if (session.expiresAt.getTime() - Date.now() < SESSION_TTL_MS / 2) {
      await this.prisma.session.update({
        where: { id: session.id },
        data: { expiresAt: new Date(Date.now() + SESSION_TTL_MS) },
      });
    }
    const u = session.user;
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      tenantId: u.tenantId,
      providerId: u.providerId,
      tenantName: u.tenant?.name ?? null,
      providerName: u.provider?.name ?? null,
    };
  }
}

/** An onRequest hook: 401 when not signed in, 403 when the role may not use the route. */
export function authorize(sessions: Sessions, roles: readonly Role[]) {
  return async (request: FastifyRequest) => {
    const user = await sessions.load(request);
    if (!user) throw new AppError("UNAUTHENTICATED", "auth.required");
    if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", "forbidden.role");
    request.user = user;
  };
}

/** The signed-in user of a route guarded by `authorize`. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError("UNAUTHENTICATED", "auth.required");
  return request.user;
}
