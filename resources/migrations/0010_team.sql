-- 0010: the team workspace. What people decide travels through the account's team log (a
-- Sync List); this desktop keeps its place in the log, the changes it made and has not seen
-- come back from the log yet, the roster, and the notes agents write on threads.
CREATE TABLE team_state (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    -- Who this desktop is in the team (a roster id) and the desktop itself.
    agent_id TEXT NOT NULL DEFAULT '',
    desk_id TEXT NOT NULL DEFAULT '',
    -- The index of the last log item applied here (-1: none). Written in the same transaction
    -- as the state the item changed, so a crash never applies an item twice or skips one.
    applied_index INTEGER NOT NULL DEFAULT -1
) STRICT;

-- Changes made here: applied locally at once, appended to the log, removed when read back.
CREATE TABLE team_outbox (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    op_id TEXT NOT NULL UNIQUE,
    op TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- The log index the provider gave it; NULL until the append was answered.
    appended_index INTEGER
) STRICT;
CREATE INDEX team_outbox_by_account ON team_outbox (account_id, id);

-- The roster, as the log says it.
CREATE TABLE team_agents (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('agent', 'marketer', 'admin')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    joined_at INTEGER NOT NULL,
    UNIQUE (account_id, agent_id)
) STRICT;

-- Internal notes on a thread: shown in the thread, never sent to the customer.
CREATE TABLE thread_notes (
    id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    op_id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    -- Roster names mentioned with @, comma separated.
    mentions TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX thread_notes_by_thread ON thread_notes (thread_id, created_at);

-- A consent event that came from (or went to) the team log names its op: applied once.
ALTER TABLE consent_events ADD COLUMN team_op_id TEXT;
CREATE UNIQUE INDEX consent_events_by_team_op ON consent_events (team_op_id)
    WHERE team_op_id IS NOT NULL;
