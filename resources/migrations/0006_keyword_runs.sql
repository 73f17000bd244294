-- 0006: inbound keyword processing, exactly once. One keyword_runs row per inbound message
-- marks it processed (written in the same transaction as its consent event), says what
-- happened for the thread view (note) and links the reply that was queued. Plus the
-- per-number "the provider answers its default keywords" setting and the account's
-- per-country opt-out confirmation rules.
CREATE TABLE keyword_runs (
    message_id INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    thread_id INTEGER REFERENCES threads (id) ON DELETE SET NULL,
    process_id INTEGER REFERENCES keyword_processes (id) ON DELETE SET NULL,
    process_type TEXT NOT NULL DEFAULT ''
        CHECK (process_type IN ('', 'unsubscribe', 'help', 'subscribe', 'auto_reply')),
    -- The keyword as the process lists it ('' when nothing matched).
    keyword TEXT NOT NULL DEFAULT '',
    -- matched: a started process acted; provider_default: no process of ours matched but the
    -- provider acted on its default keyword (consent recorded); near_miss: a keyword wrapped
    -- in punctuation, not acted on; no_match; before_processing: stored before this
    -- migration, never processed (old STOPs are not answered again).
    outcome TEXT NOT NULL
        CHECK (outcome IN ('matched', 'provider_default', 'near_miss', 'no_match',
                           'before_processing')),
    reply_message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    -- What the thread view shows under the message, e.g. "Opted out by keyword STOP".
    note TEXT NOT NULL DEFAULT '',
    processed_at INTEGER NOT NULL
) STRICT;

CREATE INDEX keyword_runs_notes ON keyword_runs (thread_id, message_id) WHERE note <> '';
-- Finding the inbound messages not processed yet.
CREATE INDEX messages_inbound ON messages (account_id, id) WHERE direction = 'in';

INSERT INTO keyword_runs (message_id, account_id, thread_id, outcome, processed_at)
SELECT id, account_id, thread_id, 'before_processing',
       CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM messages WHERE direction = 'in';

-- NULL: what the provider does by default for the kind (Twilio answers STOP/HELP/START on
-- long codes and toll-free, not on short codes without Advanced Opt-Out).
ALTER TABLE sender_numbers ADD COLUMN provider_answers_keywords INTEGER
    CHECK (provider_answers_keywords IS NULL OR provider_answers_keywords IN (0, 1));

-- The account's overrides of ConfirmationRule's per-country defaults (recipient's country,
-- ISO 3166 alpha-2).
CREATE TABLE confirmation_rules (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    country_code TEXT NOT NULL
        CHECK (length(country_code) = 2 AND country_code = upper(country_code)),
    rule TEXT NOT NULL CHECK (rule IN ('required', 'optional', 'prohibited')),
    PRIMARY KEY (account_id, country_code)
) STRICT;

-- The template a process's reply was taken from; keyword_processes.reply keeps the text.
ALTER TABLE keyword_processes ADD COLUMN reply_template_id INTEGER
    REFERENCES templates (id) ON DELETE SET NULL;

-- A send-only notification number lent to other accounts (it still belongs to exactly one,
-- sender_numbers.account_id): they may send from it; replies to it reach no inbox.
CREATE TABLE sender_number_shares (
    sender_number_id INTEGER NOT NULL REFERENCES sender_numbers (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    shared_by TEXT NOT NULL,
    shared_at INTEGER NOT NULL,
    PRIMARY KEY (sender_number_id, account_id)
) STRICT;

CREATE INDEX sender_number_shares_by_account ON sender_number_shares (account_id);
