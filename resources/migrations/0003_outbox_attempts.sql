-- 0003: the outbox's bookkeeping on outbound messages composed here. A row with
-- last_attempt_at set and no provider_sid was (maybe) POSTed: it must be reconciled with
-- the provider before it is sent again.
ALTER TABLE messages ADD COLUMN send_attempts INTEGER NOT NULL DEFAULT 0
    CHECK (send_attempts >= 0);
ALTER TABLE messages ADD COLUMN last_attempt_at INTEGER;
-- When the outbox may try again (backoff, Retry-After); NULL: as soon as the sender's
-- throughput allows.
ALTER TABLE messages ADD COLUMN next_attempt_at INTEGER;

CREATE INDEX messages_outbox ON messages (account_id, id)
    WHERE status = 'queued' AND client_ref IS NOT NULL AND provider_sid IS NULL;
