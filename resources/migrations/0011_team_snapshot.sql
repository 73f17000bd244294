-- 0011: the team log, compacted. Every op read from the log is kept here under its slot (what
-- it decides: one thread field, one roster member, or the op itself when ops append), the
-- later one replacing the earlier. The rows are the team's state as of the log position this
-- desktop reached, without its own changes still waiting: what a snapshot carries to a desktop
-- that joins after the log's oldest items expired.
CREATE TABLE team_compacted (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    log_index INTEGER NOT NULL,
    op TEXT NOT NULL,
    PRIMARY KEY (account_id, slot)
) STRICT, WITHOUT ROWID;
CREATE INDEX team_compacted_by_index ON team_compacted (account_id, log_index);

-- Desktops already in a team read their log again from the start (applying is idempotent), so
-- what they compact, and later write as a snapshot, is the whole log and not only its tail.
UPDATE team_state SET applied_index = -1;
