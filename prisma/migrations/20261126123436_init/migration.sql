-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ENTERPRISE_ADMIN', 'PROVIDER_STAFF', 'SUPPORT');

-- CreateEnum
CREATE TYPE "TitleType" AS ENUM ('ENTERPRISE', 'INDIVIDUAL', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "InvoiceType" AS ENUM ('PAPER_VAT_GENERAL', 'PAPER_VAT_SPECIAL', 'ELECTRONIC_VAT_GENERAL');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('PENDING', 'PROCESSING', 'MAILING', 'VOIDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ShippingPayer" AS ENUM ('PROVIDER', 'RECIPIENT_COD');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('OPEN', 'RESOLVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('CONSUMPTION', 'REFUND');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "contactPhone" VARCHAR(30) NOT NULL,
    "contactEmail" VARCHAR(254) NOT NULL,
    "invoiceTypes" "InvoiceType"[] DEFAULT ARRAY['PAPER_VAT_GENERAL']::"InvoiceType"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tenantId" UUID,
    "providerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" VARCHAR(64) NOT NULL,
    "userId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "reference" VARCHAR(100) NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Balance" (
    "tenantId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "consumedFen" BIGINT NOT NULL DEFAULT 0,
    "refundedFen" BIGINT NOT NULL DEFAULT 0,
    "pendingFen" BIGINT NOT NULL DEFAULT 0,
    "processingFen" BIGINT NOT NULL DEFAULT 0,
    "mailingFen" BIGINT NOT NULL DEFAULT 0,
    "withdrawnFen" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Balance_pkey" PRIMARY KEY ("tenantId","providerId")
);

-- CreateTable
CREATE TABLE "InvoiceTitle" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "type" "TitleType" NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "taxpayerId" VARCHAR(20),
    "registeredAddress" VARCHAR(200),
    "registeredPhone" VARCHAR(30),
    "bankName" VARCHAR(100),
    "bankAccount" VARCHAR(30),
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InvoiceTitle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailingAddress" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "recipient" VARCHAR(50) NOT NULL,
    "phone" VARCHAR(11) NOT NULL,
    "province" VARCHAR(50) NOT NULL,
    "city" VARCHAR(50) NOT NULL,
    "district" VARCHAR(50) NOT NULL,
    "street" VARCHAR(200) NOT NULL,
    "postalCode" VARCHAR(6) NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MailingAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceRequest" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "invoiceType" "InvoiceType" NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'PENDING',
    "titleSnapshot" JSONB NOT NULL,
    "addressSnapshot" JSONB NOT NULL,
    "shippingPayer" "ShippingPayer" NOT NULL,
    "dueDate" DATE NOT NULL,
    "invoiceNumber" VARCHAR(30),
    "courier" VARCHAR(50),
    "trackingNumber" VARCHAR(40),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "processingAt" TIMESTAMPTZ(3),
    "mailingAt" TIMESTAMPTZ(3),
    "voidedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "InvoiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "returnTrackingNumber" VARCHAR(40) NOT NULL,
    "message" VARCHAR(1000) NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" VARCHAR(500),
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Withdrawal" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Withdrawal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "actorId" UUID,
    "actorRole" "Role",
    "tenantId" UUID,
    "action" VARCHAR(50) NOT NULL,
    "entityType" VARCHAR(50) NOT NULL,
    "entityId" VARCHAR(64) NOT NULL,
    "fromStatus" VARCHAR(20),
    "toStatus" VARCHAR(20),
    "reason" VARCHAR(1000),
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" UUID NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "method" VARCHAR(10) NOT NULL,
    "path" VARCHAR(300) NOT NULL,
    "requestHash" VARCHAR(64) NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_tenantId_idx" ON "User"("tenantId");

-- CreateIndex
CREATE INDEX "User_providerId_idx" ON "User"("providerId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_providerId_idx" ON "LedgerEntry"("providerId");

-- CreateIndex
CREATE INDEX "LedgerEntry_tenantId_providerId_occurredAt_idx" ON "LedgerEntry"("tenantId", "providerId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_tenantId_providerId_kind_reference_key" ON "LedgerEntry"("tenantId", "providerId", "kind", "reference");

-- CreateIndex
CREATE INDEX "Balance_providerId_idx" ON "Balance"("providerId");

-- CreateIndex
CREATE INDEX "InvoiceTitle_tenantId_createdAt_id_idx" ON "InvoiceTitle"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "MailingAddress_tenantId_createdAt_id_idx" ON "MailingAddress"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "InvoiceRequest_tenantId_createdAt_id_idx" ON "InvoiceRequest"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "InvoiceRequest_tenantId_status_createdAt_id_idx" ON "InvoiceRequest"("tenantId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "InvoiceRequest_providerId_createdAt_id_idx" ON "InvoiceRequest"("providerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "InvoiceRequest_providerId_status_dueDate_idx" ON "InvoiceRequest"("providerId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "InvoiceRequest_status_createdAt_id_idx" ON "InvoiceRequest"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "InvoiceRequest_createdAt_id_idx" ON "InvoiceRequest"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_requestId_idx" ON "Ticket"("requestId");

-- CreateIndex
CREATE INDEX "Ticket_tenantId_createdAt_id_idx" ON "Ticket"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_status_createdAt_id_idx" ON "Ticket"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Withdrawal_tenantId_createdAt_id_idx" ON "Withdrawal"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Withdrawal_providerId_idx" ON "Withdrawal"("providerId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_createdAt_id_idx" ON "AuditEvent"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceTitle" ADD CONSTRAINT "InvoiceTitle_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailingAddress" ADD CONSTRAINT "MailingAddress_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InvoiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants Prisma's schema language cannot express (docs/decisions/0002-database-invariants.md).

-- Money is never negative, and a request never carries zero.
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_non_negative" CHECK (
  "consumedFen" >= 0 AND "refundedFen" >= 0 AND "pendingFen" >= 0 AND "processingFen" >= 0
  AND "mailingFen" >= 0 AND "withdrawnFen" >= 0
);
-- Refunds never exceed consumption, withdrawals never exceed refunds.
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_refund_within_consumption" CHECK ("refundedFen" <= "consumedFen");
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_withdrawal_within_refunds" CHECK ("withdrawnFen" <= "refundedFen");

-- One default title and one default address per tenant.
CREATE UNIQUE INDEX "InvoiceTitle_one_default" ON "InvoiceTitle" ("tenantId") WHERE "isDefault";
CREATE UNIQUE INDEX "MailingAddress_one_default" ON "MailingAddress" ("tenantId") WHERE "isDefault";

-- At most one open void ticket per request.
CREATE UNIQUE INDEX "Ticket_one_open_per_request" ON "Ticket" ("requestId") WHERE "status" = 'OPEN';

-- The audit trail is append-only.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
