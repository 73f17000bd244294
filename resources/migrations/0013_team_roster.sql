-- 0013: the roster on screen. An admin's invitation waits in the roster (not active) until the
-- invited person's desktop joins with it, and the roster shows when and from which desktop
-- each member was last heard of in the team log.
-- Non-NULL while invited and not joined yet: the code the joining desktop must present.
ALTER TABLE team_agents ADD COLUMN invite_code TEXT;
-- The latest op of the member applied here (the maker's clock) and the desktop it came from.
ALTER TABLE team_agents ADD COLUMN last_seen_at INTEGER;
ALTER TABLE team_agents ADD COLUMN last_desk TEXT NOT NULL DEFAULT '';
