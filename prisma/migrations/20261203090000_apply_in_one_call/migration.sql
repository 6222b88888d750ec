-- Applying for an invoice in one round trip (issue 8). The API reads and checks everything an
-- application depends on (provider, title, address, calendar) and shapes the request, its audit
-- event and its reply; this function then does, atomically and under the balance row's lock,
-- what the invariants need: the Idempotency-Key (a retry gets the stored reply), the reservation
-- (never more than is invoiceable: the same condition as reservePending in balances.ts), the
-- request and its audit event. A refused reservation raises MIC01, rolling back the key with it.
CREATE FUNCTION mic_apply_invoice(
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
       AND "consumedFen" - "refundedFen" - "pendingFen" - "processingFen" - "mailingFen" >= req."amountFen";
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the amount exceeds the invoiceable amount' USING ERRCODE = 'MIC01';
    END IF;

    INSERT INTO "InvoiceRequest" SELECT req.*;
    INSERT INTO "AuditEvent" SELECT (jsonb_populate_record(NULL::"AuditEvent", p_audit)).*;
    RETURN jsonb_build_object('replayed', FALSE, 'statusCode', 201, 'body', p_response);
END
$$;
