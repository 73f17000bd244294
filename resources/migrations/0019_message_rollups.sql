-- 0019: message counts per account, our sender number, UTC quarter hour, direction, status and
-- price unit, so that reports read a few rows per quarter hour instead of every message of
-- the period (and the messages of a short period are no longer found by scanning them all).
-- Triggers keep it in step with messages in the same transaction as every write (insert,
-- status, segment or price change, refiling into a thread, delete), whoever writes.
--
-- Quarter hours, not hours or days: every time zone in use today is a whole number of quarter
-- hours from UTC (India +5:30, Nepal +5:45, Chatham +12:45, Eucla +8:45), DST included, so a
-- local day is always a whole run of quarter hours and the report maps each to its local date.
CREATE TABLE message_rollups (
    account_id INTEGER NOT NULL,
    -- The message's thread's sender number; 0 for a message without a thread (unrouted).
    sender_number_id INTEGER NOT NULL,
    -- created_at / 900000: the UTC quarter hour the message was created in.
    quarter INTEGER NOT NULL,
    direction TEXT NOT NULL,
    status TEXT NOT NULL,
    price_unit TEXT NOT NULL,
    -- Rows that reach 0 are deleted by the trigger that took their last message out.
    messages INTEGER NOT NULL,
    segments INTEGER NOT NULL,
    -- The sum of abs(price) of the messages that have one (what the provider charged).
    cost REAL NOT NULL,
    PRIMARY KEY (account_id, quarter, sender_number_id, direction, status, price_unit)
) STRICT, WITHOUT ROWID;

INSERT INTO message_rollups
SELECT m.account_id, coalesce(t.sender_number_id, 0), m.created_at / 900000, m.direction, m.status,
       m.price_unit, COUNT(*), SUM(m.segments), coalesce(SUM(abs(CAST(m.price AS REAL))), 0)
FROM messages m LEFT JOIN threads t ON t.id = m.thread_id
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER messages_rollup_after_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_rollups VALUES (
        new.account_id,
        coalesce((SELECT sender_number_id FROM threads WHERE id = new.thread_id), 0),
        new.created_at / 900000, new.direction, new.status, new.price_unit, 1, new.segments,
        coalesce(abs(CAST(new.price AS REAL)), 0))
    ON CONFLICT DO UPDATE SET messages = messages + 1, segments = segments + excluded.segments,
        cost = cost + excluded.cost;
END;

-- A message whose thread was deleted before it (a thread's delete cascades to its messages)
-- was taken out by threads_rollup_before_delete: its thread can no longer be read here.
CREATE TRIGGER messages_rollup_after_delete AFTER DELETE ON messages
WHEN old.thread_id IS NULL OR EXISTS (SELECT 1 FROM threads WHERE id = old.thread_id) BEGIN
    UPDATE message_rollups SET messages = messages - 1, segments = segments - old.segments,
        cost = cost - coalesce(abs(CAST(old.price AS REAL)), 0)
    WHERE account_id = old.account_id AND quarter = old.created_at / 900000
      AND sender_number_id = coalesce((SELECT sender_number_id FROM threads
                                       WHERE id = old.thread_id), 0)
      AND direction = old.direction AND status = old.status AND price_unit = old.price_unit;
    DELETE FROM message_rollups
    WHERE account_id = old.account_id AND quarter = old.created_at / 900000
      AND sender_number_id = coalesce((SELECT sender_number_id FROM threads
                                       WHERE id = old.thread_id), 0)
      AND direction = old.direction AND status = old.status AND price_unit = old.price_unit
      AND messages = 0;
END;

CREATE TRIGGER messages_rollup_after_update
AFTER UPDATE OF account_id, thread_id, direction, status, segments, price, price_unit, created_at
ON messages
WHEN old.account_id IS NOT new.account_id OR old.thread_id IS NOT new.thread_id
  OR old.direction IS NOT new.direction OR old.status IS NOT new.status
  OR old.segments IS NOT new.segments OR old.price IS NOT new.price
  OR old.price_unit IS NOT new.price_unit OR old.created_at IS NOT new.created_at BEGIN
    UPDATE message_rollups SET messages = messages - 1, segments = segments - old.segments,
        cost = cost - coalesce(abs(CAST(old.price AS REAL)), 0)
    WHERE account_id = old.account_id AND quarter = old.created_at / 900000
      AND sender_number_id = coalesce((SELECT sender_number_id FROM threads
                                       WHERE id = old.thread_id), 0)
      AND direction = old.direction AND status = old.status AND price_unit = old.price_unit;
    DELETE FROM message_rollups
    WHERE account_id = old.account_id AND quarter = old.created_at / 900000
      AND sender_number_id = coalesce((SELECT sender_number_id FROM threads
                                       WHERE id = old.thread_id), 0)
      AND direction = old.direction AND status = old.status AND price_unit = old.price_unit
      AND messages = 0;
    INSERT INTO message_rollups VALUES (
        new.account_id,
        coalesce((SELECT sender_number_id FROM threads WHERE id = new.thread_id), 0),
        new.created_at / 900000, new.direction, new.status, new.price_unit, 1, new.segments,
        coalesce(abs(CAST(new.price AS REAL)), 0))
    ON CONFLICT DO UPDATE SET messages = messages + 1, segments = segments + excluded.segments,
        cost = cost + excluded.cost;
END;

-- Deleting a thread deletes its messages (ON DELETE CASCADE), but by then the thread, and so
-- the sender number their counts are under, is gone: take them out first.
CREATE TRIGGER threads_rollup_before_delete BEFORE DELETE ON threads BEGIN
    UPDATE message_rollups SET messages = messages - g.n, segments = segments - g.s,
        cost = cost - g.c
    FROM (SELECT account_id, created_at / 900000 AS quarter, direction, status, price_unit,
                 COUNT(*) AS n, SUM(segments) AS s, coalesce(SUM(abs(CAST(price AS REAL))), 0) AS c
          FROM messages WHERE thread_id = old.id GROUP BY 1, 2, 3, 4, 5) g
    WHERE message_rollups.account_id = g.account_id AND message_rollups.quarter = g.quarter
      AND message_rollups.sender_number_id = old.sender_number_id
      AND message_rollups.direction = g.direction AND message_rollups.status = g.status
      AND message_rollups.price_unit = g.price_unit;
    DELETE FROM message_rollups WHERE account_id = old.account_id AND messages = 0
      AND quarter IN (SELECT created_at / 900000 FROM messages WHERE thread_id = old.id);
END;
