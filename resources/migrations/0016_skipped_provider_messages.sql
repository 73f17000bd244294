-- 0014: provider messages a sync could not store (a field it cannot read, a status or
-- direction word it does not know, no date at all). They are kept aside here with the reason
-- instead of failing their whole page, and forgotten once a later sync stores them.
CREATE TABLE skipped_provider_messages (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- '' when the provider sent none.
    provider_sid TEXT NOT NULL,
    reason TEXT NOT NULL,
    -- What could be read of it (direction, status, from, to), for the person who looks.
    detail TEXT NOT NULL DEFAULT '',
    first_seen_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    times_seen INTEGER NOT NULL DEFAULT 1 CHECK (times_seen >= 1),
    UNIQUE (account_id, provider_sid)
) STRICT;
