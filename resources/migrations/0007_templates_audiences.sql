-- 0007: templates and audiences. A template has a type (promotional ones must carry an
-- opt-out line); an account holds the settings audiences and cost estimates need: the
-- promotional frequency cap, whether an open support thread suppresses a contact, and the
-- price of one segment.
ALTER TABLE templates ADD COLUMN type TEXT NOT NULL DEFAULT 'transactional'
    CHECK (type IN ('transactional', 'promotional', 'reminder', 'otp', 'follow_up'));

-- At most this many promotional texts per recipient in any 24 hours / 7 days; 0: no cap.
ALTER TABLE accounts ADD COLUMN promo_cap_per_day INTEGER NOT NULL DEFAULT 1
    CHECK (promo_cap_per_day >= 0);
ALTER TABLE accounts ADD COLUMN promo_cap_per_week INTEGER NOT NULL DEFAULT 3
    CHECK (promo_cap_per_week >= 0);
ALTER TABLE accounts ADD COLUMN suppress_open_threads INTEGER NOT NULL DEFAULT 1
    CHECK (suppress_open_threads IN (0, 1));
-- What the provider charges for one outbound segment, for estimates only (bills come from
-- the messages' own prices).
ALTER TABLE accounts ADD COLUMN segment_price REAL NOT NULL DEFAULT 0.0079
    CHECK (segment_price >= 0);
ALTER TABLE accounts ADD COLUMN segment_price_unit TEXT NOT NULL DEFAULT 'USD';

-- Frequency caps count a customer's recent campaign texts.
CREATE INDEX messages_campaign_by_customer ON messages (account_id, customer_number, created_at)
    WHERE campaign_id IS NOT NULL AND direction = 'out';
