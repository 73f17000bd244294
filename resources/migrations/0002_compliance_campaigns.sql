-- 0002: compliance and campaigns. Consent history, keyword processes, approved templates,
-- campaigns with their durable recipient queue, analytics events and an audit log; messages
-- learn which campaign and variant sent them.

-- Append-only: current consent is derived from the latest event, never edited in place.
-- Rows go only with their account (an account's deletion cascades here).
CREATE TABLE consent_events (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- The customer, E.164 or short canonical form. Not a contact id: consent outlives
    -- contact records.
    contact_number TEXT NOT NULL,
    -- The sender number it applies to (opt-outs are per sender at the provider); '' for
    -- every number of the account.
    sender_number TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('opt_in', 'opt_out')),
    source TEXT NOT NULL CHECK (source IN ('keyword', 'form', 'import', 'agent', 'provider_error')),
    -- The keyword that was texted (STOP, START), or the provider error code (21610).
    detail TEXT NOT NULL DEFAULT '',
    -- The message copy the customer saw when opting in.
    opt_in_copy TEXT NOT NULL DEFAULT '',
    -- The provider sid of the message that carried it, if any.
    message_sid TEXT NOT NULL DEFAULT '',
    -- Agent, importer or 'system'.
    actor TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
) STRICT;

CREATE INDEX consent_events_by_contact
    ON consent_events (account_id, contact_number, occurred_at, id);

CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events BEGIN
    SELECT RAISE(ABORT, 'consent_events is append-only: record a new event instead');
END;

CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = old.account_id) BEGIN
    SELECT RAISE(ABORT, 'consent_events is append-only: record a new event instead');
END;

-- What an inbound number (or shared short code + provider keyword) does with keywords.
CREATE TABLE keyword_processes (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sender_number_id INTEGER NOT NULL REFERENCES sender_numbers (id) ON DELETE CASCADE,
    provider_keyword TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL CHECK (type IN ('unsubscribe', 'help', 'subscribe', 'auto_reply')),
    -- A JSON array of the words, matched case-insensitively against the whole message.
    keywords TEXT NOT NULL CHECK (json_valid(keywords) AND json_type(keywords) = 'array'),
    reply TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'started', 'paused')),
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    updated_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
) STRICT;

CREATE INDEX keyword_processes_by_number
    ON keyword_processes (sender_number_id, provider_keyword, status);

CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    UNIQUE (account_id, name)
) STRICT;

CREATE TABLE template_versions (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version > 0),
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'approved', 'retired')),
    author TEXT NOT NULL,
    approver TEXT NOT NULL DEFAULT '',
    approved_at INTEGER,
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    UNIQUE (template_id, version),
    CHECK (state = 'draft' OR (approver <> '' AND approved_at IS NOT NULL))
) STRICT;

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sender_number_id INTEGER NOT NULL REFERENCES sender_numbers (id),
    -- Variant 'A'; 'B' is optional, sent to variant_b_percent of the recipients.
    template_version_id INTEGER NOT NULL REFERENCES template_versions (id),
    variant_b_template_version_id INTEGER REFERENCES template_versions (id),
    variant_b_percent INTEGER NOT NULL DEFAULT 0 CHECK (variant_b_percent BETWEEN 0 AND 100),
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'scheduled', 'running', 'paused', 'completed', 'canceled')),
    scheduled_at INTEGER,
    -- The send window in each recipient's local time, minutes after midnight.
    window_start_minute INTEGER NOT NULL DEFAULT 540 CHECK (window_start_minute BETWEEN 0 AND 1440),
    window_end_minute INTEGER NOT NULL DEFAULT 1260 CHECK (window_end_minute BETWEEN 0 AND 1440),
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    started_at INTEGER,
    completed_at INTEGER
) STRICT;

CREATE INDEX campaigns_by_account ON campaigns (account_id, status);

-- The durable per-recipient queue: a campaign resumes from here after a restart.
CREATE TABLE campaign_recipients (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_number TEXT NOT NULL,
    variant TEXT NOT NULL DEFAULT 'A' CHECK (variant IN ('A', 'B')),
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
    -- Why it was skipped or failed: opted_out, not_text_enabled, quiet_hours, a provider code.
    reason TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER,
    message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    updated_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    UNIQUE (campaign_id, contact_number)
) STRICT;

CREATE INDEX campaign_recipients_queue ON campaign_recipients (campaign_id, state, next_attempt_at);
CREATE INDEX campaign_recipients_by_message
    ON campaign_recipients (message_id) WHERE message_id IS NOT NULL;

-- Analytics facts, one row per thing that happened.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL
        CHECK (kind IN ('sent', 'delivered', 'failed', 'replied', 'opted_out', 'clicked')),
    message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    variant TEXT NOT NULL DEFAULT '',
    contact_number TEXT NOT NULL DEFAULT '',
    sender_number TEXT NOT NULL DEFAULT '',
    occurred_at INTEGER NOT NULL,
    -- Anything kind-specific (error code, link), a JSON object.
    data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data) AND json_type(data) = 'object')
) STRICT;

CREATE INDEX events_by_time ON events (account_id, occurred_at);
CREATE INDEX events_by_campaign ON events (campaign_id, kind) WHERE campaign_id IS NOT NULL;
CREATE INDEX events_by_message ON events (message_id) WHERE message_id IS NOT NULL;

-- Who did what: assignments, resolutions, consent edits, template approvals. Append-only,
-- and it keeps rows of deleted accounts (account_id is therefore not a foreign key).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    account_id INTEGER,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL DEFAULT '',
    subject_id INTEGER,
    details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details) AND json_type(details) = 'object'),
    occurred_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
) STRICT;

CREATE INDEX audit_log_by_time ON audit_log (account_id, occurred_at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Messages sent by a campaign say which one and which variant.
ALTER TABLE messages ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN variant TEXT NOT NULL DEFAULT '';

CREATE INDEX messages_by_campaign ON messages (campaign_id) WHERE campaign_id IS NOT NULL;
