-- 0012: what admins and marketers decide travels through the team log too. Local row ids differ
-- per desktop, so keyword processes, templates and canned replies get a team-wide id (a UUID)
-- that names the same thing on every desktop of the team.
ALTER TABLE keyword_processes ADD COLUMN team_id TEXT;
ALTER TABLE templates ADD COLUMN team_id TEXT;
ALTER TABLE canned_replies ADD COLUMN team_id TEXT;

-- Rows made before this version get one now: they are shared the first time they change.
UPDATE keyword_processes SET team_id = lower(hex(randomblob(16))) WHERE team_id IS NULL;
UPDATE templates SET team_id = lower(hex(randomblob(16))) WHERE team_id IS NULL;
UPDATE canned_replies SET team_id = lower(hex(randomblob(16))) WHERE team_id IS NULL;

CREATE UNIQUE INDEX keyword_processes_by_team_id ON keyword_processes (account_id, team_id)
    WHERE team_id IS NOT NULL;
CREATE UNIQUE INDEX templates_by_team_id ON templates (account_id, team_id)
    WHERE team_id IS NOT NULL;
CREATE UNIQUE INDEX canned_replies_by_team_id ON canned_replies (account_id, team_id)
    WHERE team_id IS NOT NULL;
