-- 0015: messages scheduled to leave later ("Send later…"), and the Messaging Services the
-- account's numbers belong to.
-- The earliest instant (ms since the epoch, UTC) an outgoing message may leave; NULL: at once.
-- One held here stays 'queued' until then; one the provider holds (Twilio's SendAt) is
-- 'scheduled' with its sid.
ALTER TABLE messages ADD COLUMN scheduled_at INTEGER;
CREATE INDEX messages_scheduled ON messages (account_id, scheduled_at)
    WHERE scheduled_at IS NOT NULL;

-- Each sender number's Messaging Service as last listed at the provider, and whether this
-- number's messages are sent through it (US A2P 10DLC traffic must be).
CREATE TABLE messaging_service_numbers (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    service_sid TEXT NOT NULL CHECK (service_sid LIKE 'MG%'),
    service_name TEXT NOT NULL DEFAULT '',
    send_through INTEGER NOT NULL DEFAULT 0 CHECK (send_through IN (0, 1)),
    PRIMARY KEY (account_id, number)
) STRICT;
