-- 0005: the composer's memory. A draft per thread survives a restart (what an agent typed is
-- never lost), and each account keeps named canned replies whose bodies may carry template
-- tokens such as {{first_name|there}}, rendered against the contact when inserted.
CREATE TABLE drafts (
    thread_id INTEGER PRIMARY KEY REFERENCES threads (id) ON DELETE CASCADE,
    body TEXT NOT NULL CHECK (length(body) > 0),
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE canned_replies (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    body TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
    UNIQUE (account_id, name)
) STRICT;
