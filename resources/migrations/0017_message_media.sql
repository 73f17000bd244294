-- 0017: MMS media. Which messages' Media lists were read (media_listings), and each media
-- item with where its content is cached in the profile's media folder (message_media).
-- Keyed by the provider's sids, not messages.id: media arrive after (and apart from) the page
-- that stored the message.
CREATE TABLE media_listings (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_sid TEXT NOT NULL,
    num_media INTEGER NOT NULL CHECK (num_media > 0),
    -- NULL until the Media list was read in full.
    listed_at INTEGER,
    error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, message_sid)
) STRICT;

CREATE TABLE message_media (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_sid TEXT NOT NULL,
    media_sid TEXT NOT NULL,
    -- Order in the provider's list.
    position INTEGER NOT NULL DEFAULT 0,
    content_type TEXT NOT NULL DEFAULT '',
    -- Where the content is, relative to the API host (the instance's uri without ".json").
    content_uri TEXT NOT NULL,
    -- pending: listed, not downloaded yet; cached: the file is in the media folder; failed:
    -- the last download failed (error says why); too_large: over the per-item cap, never
    -- kept; evicted: was cached, removed to keep the folder under its cap.
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'cached', 'failed', 'too_large', 'evicted')),
    -- Bytes, once downloaded (or as announced, when too large); NULL before.
    size_bytes INTEGER,
    -- The cached file's absolute path; '' when not cached.
    file_path TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    fetched_at INTEGER,
    -- Last downloaded or opened: the cache evicts the least recently used first.
    last_used_at INTEGER,
    UNIQUE (account_id, media_sid)
) STRICT;

CREATE INDEX message_media_by_message ON message_media (account_id, message_sid, position);
CREATE INDEX message_media_lru ON message_media (last_used_at, id) WHERE state = 'cached';
