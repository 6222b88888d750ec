-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "SlaNoticeKind" AS ENUM ('DUE_SOON', 'OVERDUE');

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "requestId" UUID,
    "params" JSONB NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "tenantId" UUID,
    "providerId" UUID,
    "requestId" UUID,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "providerId" UUID,
    "url" VARCHAR(2000) NOT NULL,
    "events" TEXT[],
    "secret" VARCHAR(100) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" VARCHAR(200),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "endpointId" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "runAt" TIMESTAMPTZ(3) NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3),
    "leaseToken" UUID,
    "statusCode" INTEGER,
    "durationMs" INTEGER,
    "responseExcerpt" VARCHAR(1000),
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailJob" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "notificationId" UUID,
    "requestId" UUID,
    "to" VARCHAR(254) NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "leaseToken" UUID,
    "lastError" VARCHAR(1000),
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaNotice" (
    "requestId" UUID NOT NULL,
    "kind" "SlaNoticeKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaNotice_pkey" PRIMARY KEY ("requestId","kind")
);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_id_idx" ON "Notification"("userId", "readAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "OutboxEvent_requestId_type_idx" ON "OutboxEvent"("requestId", "type");

-- CreateIndex
CREATE INDEX "OutboxEvent_createdAt_id_idx" ON "OutboxEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_tenantId_createdAt_id_idx" ON "WebhookEndpoint"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_providerId_createdAt_id_idx" ON "WebhookEndpoint"("providerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_runAt_idx" ON "WebhookDelivery"("status", "runAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_id_idx" ON "WebhookDelivery"("endpointId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_eventId_endpointId_attempt_key" ON "WebhookDelivery"("eventId", "endpointId", "attempt");

-- CreateIndex
CREATE INDEX "MailJob_status_runAt_idx" ON "MailJob"("status", "runAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An endpoint belongs to exactly one tenant or one provider.
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_one_owner" CHECK (("tenantId" IS NULL) <> ("providerId" IS NULL));
ALTER TABLE "MailJob" ADD CONSTRAINT "MailJob_kind" CHECK (
  ("kind" = 'NOTIFICATION' AND "notificationId" IS NOT NULL) OR ("kind" = 'INVOICE_FILES' AND "requestId" IS NOT NULL)
);

-- One event of SPEC §14, written in the caller's transaction (the API's emit() and
-- mic_apply_invoice both call this, so the rules live in one place):
--   * with `data`: the outbox event, and one pending delivery per enabled endpoint of the
--     request's tenant or provider subscribed to the type;
--   * one notification per user of the `audience` (TENANT: the tenant's admins, PROVIDER: the
--     provider's staff, SUPPORT: support), each with a mail job to the user's address;
--   * with `mailFilesTo`: a mail job sending the request's e-invoice files there.
-- p_event: { id?, type, notification?, tenantId, providerId, requestId, audience: [..], params,
--            data?, mailFilesTo?, at? }
CREATE FUNCTION mic_emit(p_event JSONB) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    v_id UUID := COALESCE((p_event ->> 'id')::uuid, gen_random_uuid());
    v_type TEXT := p_event ->> 'type';
    v_tenant UUID := (p_event ->> 'tenantId')::uuid;
    v_provider UUID := (p_event ->> 'providerId')::uuid;
    v_request UUID := (p_event ->> 'requestId')::uuid;
    v_audience JSONB := COALESCE(p_event -> 'audience', '[]'::jsonb);
    v_at TIMESTAMPTZ := COALESCE((p_event ->> 'at')::timestamptz, now());
BEGIN
    IF p_event ? 'data' THEN
        INSERT INTO "OutboxEvent" ("id", "type", "tenantId", "providerId", "requestId", "payload", "createdAt")
        VALUES (v_id, v_type, v_tenant, v_provider, v_request,
                jsonb_build_object('type', v_type,
                                   'timestamp', to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                   'data', p_event -> 'data'),
                v_at);
        INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "attempt", "status", "runAt", "createdAt")
        SELECT gen_random_uuid(), v_id, e."id", 1, 'PENDING', v_at, v_at
          FROM "WebhookEndpoint" e
         WHERE e."enabled" AND v_type = ANY (e."events")
           AND (e."tenantId" = v_tenant OR e."providerId" = v_provider);
    END IF;

    WITH recipients AS (
        SELECT u."id", u."email" FROM "User" u
         WHERE (v_audience ? 'TENANT' AND u."role" = 'ENTERPRISE_ADMIN' AND u."tenantId" = v_tenant)
            OR (v_audience ? 'PROVIDER' AND u."role" = 'PROVIDER_STAFF' AND u."providerId" = v_provider)
            OR (v_audience ? 'SUPPORT' AND u."role" = 'SUPPORT')
    ), notified AS (
        INSERT INTO "Notification" ("id", "userId", "type", "requestId", "params", "createdAt")
        SELECT gen_random_uuid(), r."id", COALESCE(p_event ->> 'notification', v_type), v_request,
               COALESCE(p_event -> 'params', '{}'::jsonb), v_at
          FROM recipients r
        RETURNING "id", "userId"
    )
    INSERT INTO "MailJob" ("id", "kind", "notificationId", "to", "runAt", "createdAt")
    SELECT gen_random_uuid(), 'NOTIFICATION', n."id", r."email", v_at, v_at
      FROM notified n JOIN recipients r ON r."id" = n."userId";

    IF p_event ? 'mailFilesTo' AND p_event ->> 'mailFilesTo' <> '' THEN
        INSERT INTO "MailJob" ("id", "kind", "requestId", "to", "runAt", "createdAt")
        VALUES (gen_random_uuid(), 'INVOICE_FILES', v_request, p_event ->> 'mailFilesTo', v_at, v_at);
    END IF;
END
$$;

-- Applying (issues 8 and 9, unchanged otherwise) now also emits invoice_request.created in its
-- single statement: the provider's staff are notified and the event joins the outbox atomically.
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
    PERFORM mic_emit(jsonb_build_object(
        'type', 'invoice_request.created',
        'tenantId', req."tenantId",
        'providerId', req."providerId",
        'requestId', req."id",
        'audience', '["PROVIDER"]'::jsonb,
        'params', jsonb_build_object('number', req."number", 'amount', p_response -> 'amount',
                                     'tenantName', p_response -> 'tenantName',
                                     'dueDate', p_response -> 'dueDate'),
        'data', p_response,
        'at', req."createdAt"));
    RETURN jsonb_build_object('replayed', FALSE, 'statusCode', 201, 'body', p_response);
END
$$;
