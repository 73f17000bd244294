-- 0008: what the campaign runner needs beyond 0002: variants beyond A/B with their split,
-- a hold-out group, a sender pool with a sticky sender per recipient, the schedule kind, and
-- per recipient the planned instant and the message's client reference (the idempotency key
-- that makes a crash between "insert message" and "mark recipient" harmless).

-- How the campaign is scheduled: 'now'; 'account_time': schedule_local in account_zone, one
-- instant for everybody; 'recipient_local': schedule_local in each recipient's zone.
ALTER TABLE campaigns ADD COLUMN schedule_kind TEXT NOT NULL DEFAULT 'now'
    CHECK (schedule_kind IN ('now', 'account_time', 'recipient_local'));
-- Local wall-clock date and time "YYYY-MM-DDTHH:MM"; '' for 'now'.
ALTER TABLE campaigns ADD COLUMN schedule_local TEXT NOT NULL DEFAULT '';
-- The account's IANA zone when the campaign was planned (the last zone fallback).
ALTER TABLE campaigns ADD COLUMN account_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE campaigns ADD COLUMN hold_out_percent INTEGER NOT NULL DEFAULT 0
    CHECK (hold_out_percent BETWEEN 0 AND 99);
-- When the plan expects the last segment to leave; NULL until planned.
ALTER TABLE campaigns ADD COLUMN expected_finish_at INTEGER;
ALTER TABLE campaigns ADD COLUMN paused_at INTEGER;

-- Two or more template versions with their share of the recipients (the hold-out's share is
-- campaigns.hold_out_percent; the variants add up to 100 minus it).
CREATE TABLE campaign_variants (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 16 AND label <> 'holdout'),
    template_version_id INTEGER NOT NULL REFERENCES template_versions (id),
    percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (campaign_id, label)
) STRICT;

-- The sender pool, in round-robin order.
CREATE TABLE campaign_senders (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    sender_number_id INTEGER NOT NULL REFERENCES sender_numbers (id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, sender_number_id)
) STRICT;

-- The durable queue again, with relaxed variant/state checks and the new columns. Nothing
-- references this table, so it can be recreated in place.
CREATE TABLE campaign_recipients_0008 (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_number TEXT NOT NULL,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    -- A campaign_variants label, or 'holdout' for the hold-out group (never texted).
    variant TEXT NOT NULL DEFAULT 'A' CHECK (length(variant) BETWEEN 1 AND 16),
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'held_out')),
    -- Why it was skipped or failed: opted_out, not_text_enabled, canceled, a provider code.
    reason TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER,
    message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    -- The sticky sender: the number of the customer's existing thread, else round-robin.
    sender_number_id INTEGER REFERENCES sender_numbers (id),
    -- When the plan lets it go (UTC ms): schedule, quiet hours and throughput applied.
    planned_at INTEGER,
    -- "campaign:<campaign id>:<recipient id>", the message's client_ref.
    client_ref TEXT UNIQUE,
    updated_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    UNIQUE (campaign_id, contact_number)
) STRICT;

INSERT INTO campaign_recipients_0008 (id, campaign_id, contact_number, variant, state, reason,
    attempts, next_attempt_at, message_id, updated_at)
SELECT id, campaign_id, contact_number, variant, state, reason, attempts, next_attempt_at,
    message_id, updated_at
FROM campaign_recipients;

DROP TABLE campaign_recipients;
ALTER TABLE campaign_recipients_0008 RENAME TO campaign_recipients;

CREATE INDEX campaign_recipients_due ON campaign_recipients (campaign_id, state, planned_at, id);
CREATE INDEX campaign_recipients_by_message
    ON campaign_recipients (message_id) WHERE message_id IS NOT NULL;
