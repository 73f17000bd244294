-- 0001: the shared inbox. Accounts and their numbers, contacts, threads, messages,
-- full-text search over messages, and the sync engine's cursors.
--
-- Conventions for every migration:
--   * times are INTEGER milliseconds since the Unix epoch, UTC (columns named *_at);
--   * text that can be absent is '' rather than NULL where it takes part in a UNIQUE key
--     (SQLite treats NULLs as distinct there) or would only add a second "empty" value;
--   * tables are STRICT so a wrongly bound type is an error, not a silent conversion;
--   * statements end with ';' (trigger bodies may contain ';', their END; closes them).

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- The provider account (Twilio Account SID). Several accounts may share one: an agency
    -- can serve several client businesses from one provider account. The token is in the
    -- OS keychain, never here.
    provider_account_sid TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
) STRICT;

CREATE TABLE sender_numbers (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- E.164 for long codes and toll-free, the digits for short codes. A number belongs to
    -- exactly one account.
    number TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL
        CHECK (kind IN ('long_code', 'toll_free', 'short_code', 'shared_short_code')),
    -- The account's keyword on a shared short code; '' for every other kind.
    provider_keyword TEXT NOT NULL DEFAULT '',
    provider_sid TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    -- Segments per second the provider allows this sender.
    throughput_mps REAL NOT NULL CHECK (throughput_mps > 0),
    -- Segments per day; NULL when there is no cap.
    daily_cap INTEGER CHECK (daily_cap IS NULL OR daily_cap > 0),
    -- As the provider reports them, e.g. {"sms":true,"mms":false}.
    capabilities TEXT NOT NULL DEFAULT '{"sms":true}'
        CHECK (json_valid(capabilities) AND json_type(capabilities) = 'object'),
    -- Send-only notification numbers: replies to them are never threaded (they are stored
    -- unrouted, thread_id NULL).
    send_only_notifications INTEGER NOT NULL DEFAULT 0 CHECK (send_only_notifications IN (0, 1)),
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    CHECK ((kind = 'shared_short_code') = (provider_keyword <> ''))
) STRICT;

CREATE INDEX sender_numbers_by_account ON sender_numbers (account_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- Canonical: E.164 (normalised with libphonenumber) or a short code's digits.
    number TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    -- Personalisation fields, a JSON object of strings.
    attributes TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
    -- IANA zone id; '' when unknown.
    time_zone TEXT NOT NULL DEFAULT '',
    -- A JSON array of strings.
    tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    text_enabled TEXT NOT NULL DEFAULT 'unknown'
        CHECK (text_enabled IN ('unknown', 'checking', 'yes', 'no')),
    -- Lookup v2 line type (mobile, landline, fixedVoip, ...); '' when never looked up.
    line_type TEXT NOT NULL DEFAULT '',
    -- What set text_enabled: lookup, reply, delivery_error, agent, import; '' for unknown.
    text_enabled_source TEXT NOT NULL DEFAULT '',
    text_enabled_checked_at INTEGER,
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    updated_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    UNIQUE (account_id, number)
) STRICT;

CREATE TABLE threads (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    customer_number TEXT NOT NULL,
    sender_number_id INTEGER NOT NULL REFERENCES sender_numbers (id),
    -- '' unless the sender is a shared short code (NULL would defeat the UNIQUE key).
    provider_keyword TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
    -- The agent the thread is assigned to; '' when unassigned.
    assignee TEXT NOT NULL DEFAULT '',
    snoozed_until INTEGER,
    unread_count INTEGER NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
    last_message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    last_message_at INTEGER,
    last_message_preview TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    UNIQUE (account_id, customer_number, sender_number_id, provider_keyword)
) STRICT;

-- Keyset paging of the thread list: newest first, id breaks ties.
CREATE INDEX threads_by_recent ON threads (account_id, last_message_at DESC, id DESC);
CREATE INDEX threads_by_status_recent
    ON threads (account_id, status, last_message_at DESC, id DESC);
CREATE INDEX threads_by_sender_number ON threads (sender_number_id);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- NULL for an unrouted message: a reply to a number that is not a two-way sender
    -- number of the account.
    thread_id INTEGER REFERENCES threads (id) ON DELETE CASCADE,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    from_number TEXT NOT NULL,
    to_number TEXT NOT NULL,
    customer_number TEXT NOT NULL
        GENERATED ALWAYS AS (CASE direction WHEN 'in' THEN from_number ELSE to_number END) VIRTUAL,
    body TEXT NOT NULL,
    -- The provider's statuses, plus 'blocked': refused locally (e.g. the recipient opted out).
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'undelivered',
        'failed', 'receiving', 'received', 'accepted', 'scheduled', 'read',
        'partially_delivered', 'canceled', 'blocked')),
    provider_sid TEXT UNIQUE,
    -- Our idempotency key for a message composed here; NULL for messages from elsewhere.
    client_ref TEXT UNIQUE,
    segments INTEGER NOT NULL DEFAULT 1 CHECK (segments >= 0),
    encoding TEXT NOT NULL DEFAULT '' CHECK (encoding IN ('', 'gsm7', 'ucs2')),
    error_code INTEGER,
    error_message TEXT NOT NULL DEFAULT '',
    -- A decimal string exactly as the provider gives it ("-0.00790"); NULL until priced.
    price TEXT,
    price_unit TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    updated_at INTEGER NOT NULL,
    -- The agent who wrote an outbound message here; '' for everything else.
    author TEXT NOT NULL DEFAULT '',
    CHECK (provider_sid IS NOT NULL OR client_ref IS NOT NULL)
) STRICT;

-- Keyset paging of a thread's timeline.
CREATE INDEX messages_by_thread ON messages (thread_id, created_at, id);
-- A customer's history across our numbers; also keeps full-text contact names in step.
CREATE INDEX messages_by_customer ON messages (account_id, customer_number);
-- The admin "unrouted" list.
CREATE INDEX messages_unrouted ON messages (account_id, created_at) WHERE thread_id IS NULL;
-- Outbound messages the sync engine still polls for a final status.
CREATE INDEX messages_pending ON messages (account_id, updated_at)
    WHERE direction = 'out' AND status IN ('queued', 'sending', 'sent', 'accepted', 'scheduled');

-- Full-text search over message bodies and the customer's contact name. The index stores
-- no text of its own: its content is this view, and triggers keep it in step with both
-- messages and contacts (an FTS5 'delete' must name the values that were indexed).
CREATE VIEW messages_fts_content AS
SELECT m.id AS id, m.body AS body, c.name AS contact_name
FROM messages m
LEFT JOIN contacts c ON c.account_id = m.account_id AND c.number = m.customer_number;

CREATE VIRTUAL TABLE messages_fts USING fts5 (
    body, contact_name,
    content = 'messages_fts_content', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER messages_fts_after_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body, contact_name)
    VALUES (new.id, new.body, (SELECT name FROM contacts
                               WHERE account_id = new.account_id AND number = new.customer_number));
END;

CREATE TRIGGER messages_fts_after_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body, contact_name)
    VALUES ('delete', old.id, old.body, (SELECT name FROM contacts
                                         WHERE account_id = old.account_id AND number = old.customer_number));
END;

CREATE TRIGGER messages_fts_after_update
AFTER UPDATE OF body, account_id, direction, from_number, to_number ON messages
WHEN old.body IS NOT new.body OR old.account_id IS NOT new.account_id
  OR old.customer_number IS NOT new.customer_number BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body, contact_name)
    VALUES ('delete', old.id, old.body, (SELECT name FROM contacts
                                         WHERE account_id = old.account_id AND number = old.customer_number));
    INSERT INTO messages_fts (rowid, body, contact_name)
    VALUES (new.id, new.body, (SELECT name FROM contacts
                               WHERE account_id = new.account_id AND number = new.customer_number));
END;

-- A new contact names the messages already exchanged with that number.
CREATE TRIGGER contacts_fts_after_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body, contact_name)
    SELECT 'delete', m.id, m.body, NULL FROM messages m
    WHERE m.account_id = new.account_id AND m.customer_number = new.number;
    INSERT INTO messages_fts (rowid, body, contact_name)
    SELECT m.id, m.body, new.name FROM messages m
    WHERE m.account_id = new.account_id AND m.customer_number = new.number;
END;

CREATE TRIGGER contacts_fts_after_update AFTER UPDATE OF account_id, number, name ON contacts
WHEN old.name IS NOT new.name OR old.account_id IS NOT new.account_id
  OR old.number IS NOT new.number BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body, contact_name)
    SELECT 'delete', m.id, m.body, old.name FROM messages m
    WHERE m.account_id = old.account_id AND m.customer_number = old.number;
    INSERT INTO messages_fts (messages_fts, rowid, body, contact_name)
    SELECT 'delete', m.id, m.body, NULL FROM messages m
    WHERE m.account_id = new.account_id AND m.customer_number = new.number
      AND (new.account_id <> old.account_id OR new.number <> old.number);
    INSERT INTO messages_fts (rowid, body, contact_name)
    SELECT m.id, m.body, NULL FROM messages m
    WHERE m.account_id = old.account_id AND m.customer_number = old.number
      AND (new.account_id <> old.account_id OR new.number <> old.number);
    INSERT INTO messages_fts (rowid, body, contact_name)
    SELECT m.id, m.body, new.name FROM messages m
    WHERE m.account_id = new.account_id AND m.customer_number = new.number;
END;

CREATE TRIGGER contacts_fts_after_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body, contact_name)
    SELECT 'delete', m.id, m.body, old.name FROM messages m
    WHERE m.account_id = old.account_id AND m.customer_number = old.number;
    INSERT INTO messages_fts (rowid, body, contact_name)
    SELECT m.id, m.body, NULL FROM messages m
    WHERE m.account_id = old.account_id AND m.customer_number = old.number;
END;

-- Where each sync stream of an account resumes: 'messages', 'numbers', ... The cursor is
-- opaque to the store.
CREATE TABLE sync_cursors (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    stream TEXT NOT NULL,
    cursor TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, stream)
) STRICT;
