-- CreateEnum
CREATE TYPE "ReturnRequestStatus" AS ENUM ('OPEN', 'APPROVED', 'DECLINED', 'AWAITING_BUYER', 'CONFIRMED', 'EXPIRED');

-- Issue 9: request numbers (SPEC §11), electronic invoices (§12), rejects and return requests (§13).
-- The new enum values are not used in this migration (PostgreSQL refuses a value added in the
-- same transaction): the checks below test the type's name, not its values.

-- AlterEnum
ALTER TYPE "InvoiceStatus" ADD VALUE 'ISSUED';
ALTER TYPE "InvoiceStatus" ADD VALUE 'REJECTED';

-- AlterEnum
ALTER TYPE "InvoiceType" ADD VALUE 'ELECTRONIC_VAT_SPECIAL';

-- AlterTable
ALTER TABLE "Balance" ADD COLUMN     "issuedFen" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "InvoiceRequest" ADD COLUMN     "email" VARCHAR(254),
ADD COLUMN     "issuedAt" TIMESTAMPTZ(3),
ADD COLUMN     "issuedOn" DATE,
ADD COLUMN     "number" VARCHAR(16),
ADD COLUMN     "rejectReason" VARCHAR(200),
ADD COLUMN     "rejectedAt" TIMESTAMPTZ(3),
ALTER COLUMN "addressSnapshot" DROP NOT NULL,
ALTER COLUMN "shippingPayer" DROP NOT NULL;

-- CreateTable
CREATE TABLE "RequestNumberDay" (
    "day" DATE NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "RequestNumberDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "InvoiceFile" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "contentType" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnRequest" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "reason" VARCHAR(200) NOT NULL,
    "status" "ReturnRequestStatus" NOT NULL DEFAULT 'OPEN',
    "decisionReason" VARCHAR(200),
    "redLetterNumber" VARCHAR(20),
    "expiresAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReturnRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvoiceFile_requestId_createdAt_idx" ON "InvoiceFile"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_requestId_createdAt_idx" ON "ReturnRequest"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_tenantId_createdAt_id_idx" ON "ReturnRequest"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReturnRequest_providerId_createdAt_id_idx" ON "ReturnRequest"("providerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReturnRequest_status_createdAt_id_idx" ON "ReturnRequest"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReturnRequest_status_expiresAt_idx" ON "ReturnRequest"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceRequest_number_key" ON "InvoiceRequest"("number");

-- CreateIndex
CREATE INDEX "InvoiceRequest_invoiceNumber_idx" ON "InvoiceRequest"("invoiceNumber");

-- CreateIndex
CREATE INDEX "InvoiceRequest_trackingNumber_idx" ON "InvoiceRequest"("trackingNumber");

-- CreateIndex
CREATE INDEX "Ticket_returnTrackingNumber_idx" ON "Ticket"("returnTrackingNumber");

-- AddForeignKey
ALTER TABLE "InvoiceFile" ADD CONSTRAINT "InvoiceFile_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InvoiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InvoiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Request numbers for the requests submitted before numbers existed, in submission order per China
-- day, and each day's counter where they end (SPEC §11). China has no daylight saving: UTC+8.
WITH numbered AS (
    SELECT "id",
           ("createdAt" AT TIME ZONE 'UTC' + INTERVAL '8 hours')::date AS "day",
           row_number() OVER (
               PARTITION BY ("createdAt" AT TIME ZONE 'UTC' + INTERVAL '8 hours')::date
               ORDER BY "createdAt", "id") AS "seq"
      FROM "InvoiceRequest"
)
UPDATE "InvoiceRequest" r
   SET "number" = 'MI' || to_char(n."day", 'YYYYMMDD') || lpad(n."seq"::text, 6, '0')
  FROM numbered n
 WHERE r."id" = n."id";
INSERT INTO "RequestNumberDay" ("day", "last")
SELECT to_date(substr("number", 3, 8), 'YYYYMMDD'), max(substr("number", 11, 6)::int)
  FROM "InvoiceRequest" GROUP BY 1;
ALTER TABLE "InvoiceRequest" ALTER COLUMN "number" SET NOT NULL;
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_number_format" CHECK ("number" ~ '^MI[0-9]{14}$');
ALTER TABLE "RequestNumberDay" ADD CONSTRAINT "RequestNumberDay_last_range" CHECK ("last" BETWEEN 1 AND 999999);

-- Each kind carries its own delivery data and nothing of the other's (SPEC §12): paper an address
-- snapshot and a shipping payer, electronic an e-mail.
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_delivery_by_kind" CHECK (
  CASE WHEN "invoiceType"::text LIKE 'PAPER\_%'
       THEN "addressSnapshot" IS NOT NULL AND "shippingPayer" IS NOT NULL AND "email" IS NULL
       ELSE "addressSnapshot" IS NULL AND "shippingPayer" IS NULL AND "email" IS NOT NULL
  END
);

-- The issued bucket is money too.
ALTER TABLE "Balance" DROP CONSTRAINT "Balance_non_negative";
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_non_negative" CHECK (
  "consumedFen" >= 0 AND "refundedFen" >= 0 AND "pendingFen" >= 0 AND "processingFen" >= 0
  AND "mailingFen" >= 0 AND "issuedFen" >= 0 AND "withdrawnFen" >= 0
);

-- A file is at most 5 MiB and its digest is lowercase hex (SPEC §12).
ALTER TABLE "InvoiceFile" ADD CONSTRAINT "InvoiceFile_size_range" CHECK ("size" > 0 AND "size" <= 5242880 AND octet_length("content") = "size");
ALTER TABLE "InvoiceFile" ADD CONSTRAINT "InvoiceFile_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

-- At most one return request waiting for someone per invoice request (SPEC §13).
CREATE UNIQUE INDEX "ReturnRequest_one_active_per_request" ON "ReturnRequest" ("requestId")
  WHERE "status" IN ('OPEN', 'AWAITING_BUYER');
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_red_letter_digits" CHECK ("redLetterNumber" IS NULL OR "redLetterNumber" ~ '^[0-9]{20}$');
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_awaiting_expires" CHECK ("status" <> 'AWAITING_BUYER' OR ("expiresAt" IS NOT NULL AND "redLetterNumber" IS NOT NULL));

-- Applying (issue 8's single call) now also takes the day's next request number, after the
-- reservation succeeded, and writes it into the stored reply and the audit event; the reservation
-- counts the issued bucket (invoiced = pending + processing + mailing + issued, SPEC §3).
CREATE OR REPLACE FUNCTION mic_apply_invoice(
    p_user_id UUID,
    p_key VARCHAR,
    p_method VARCHAR,
    p_path VARCHAR,
    p_request_hash VARCHAR,
    p_request JSONB,
    p_audit JSONB,
    p_response JSONB
) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    req "InvoiceRequest";
    stored "IdempotencyKey";
    inserted INTEGER;
    china_day DATE;
    seq INTEGER;
BEGIN
    req := jsonb_populate_record(NULL::"InvoiceRequest", p_request);
    IF p_key IS NOT NULL THEN
        INSERT INTO "IdempotencyKey" ("userId", "key", "method", "path", "requestHash", "statusCode", "responseBody")
        VALUES (p_user_id, p_key, p_method, p_path, p_request_hash, 201, p_response)
        ON CONFLICT DO NOTHING;
        GET DIAGNOSTICS inserted = ROW_COUNT;
        IF inserted = 0 THEN
            SELECT * INTO stored FROM "IdempotencyKey" WHERE "userId" = p_user_id AND "key" = p_key;
            RETURN jsonb_build_object(
                'replayed', TRUE,
                'requestHash', stored."requestHash",
                'statusCode', stored."statusCode",
                'body', stored."responseBody");
        END IF;
    END IF;

    UPDATE "Balance"
       SET "pendingFen" = "pendingFen" + req."amountFen", "updatedAt" = now()
     WHERE "tenantId" = req."tenantId" AND "providerId" = req."providerId"
       AND "consumedFen" - "refundedFen" - "pendingFen" - "processingFen" - "mailingFen" - "issuedFen" >= req."amountFen";
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the amount exceeds the invoiceable amount' USING ERRCODE = 'MIC01';
    END IF;

    china_day := (COALESCE(req."createdAt", now()) AT TIME ZONE 'UTC' + INTERVAL '8 hours')::date;
    INSERT INTO "RequestNumberDay" ("day", "last") VALUES (china_day, 1)
    ON CONFLICT ("day") DO UPDATE SET "last" = "RequestNumberDay"."last" + 1
    RETURNING "last" INTO seq;
    req."number" := 'MI' || to_char(china_day, 'YYYYMMDD') || lpad(seq::text, 6, '0');
    p_response := jsonb_set(p_response, '{number}', to_jsonb(req."number"));
    IF jsonb_typeof(p_audit -> 'after') = 'object' THEN
        p_audit := jsonb_set(p_audit, '{after,number}', to_jsonb(req."number"));
    END IF;
    IF p_key IS NOT NULL THEN
        UPDATE "IdempotencyKey" SET "responseBody" = p_response WHERE "userId" = p_user_id AND "key" = p_key;
    END IF;

    INSERT INTO "InvoiceRequest" SELECT req.*;
    INSERT INTO "AuditEvent" SELECT (jsonb_populate_record(NULL::"AuditEvent", p_audit)).*;
    RETURN jsonb_build_object('replayed', FALSE, 'statusCode', 201, 'body', p_response);
END
$$;
