-- 0017: a failed message that was sent again points at its new copy, so the thread shows the
-- retry in its place instead of the failure and the copy side by side, and the same failure
-- is never retried twice (a double click, two desktops of the profile).
ALTER TABLE messages ADD COLUMN retried_by INTEGER REFERENCES messages (id) ON DELETE SET NULL;
