-- 0014: campaigns travel through the team log. A campaign gets a team-wide id (a UUID) that
-- names it on every desktop; its recipients are named by their number within it. Outcomes the
-- runner decided here wait in `report_pending` until a progress op carries them to the team.
ALTER TABLE campaigns ADD COLUMN team_id TEXT;
-- "Send no later than" (UTC ms) for every recipient; NULL: the end of the campaign's day in
-- each recipient's zone (campaign_recipients.send_by holds what that means per recipient).
ALTER TABLE campaigns ADD COLUMN send_no_later_than INTEGER;
-- A campaign that came from the team log: how many recipients its plan has. It is not complete
-- here before they have all arrived (the queue comes in several ops).
ALTER TABLE campaigns ADD COLUMN team_recipients INTEGER;
UPDATE campaigns SET team_id = lower(hex(randomblob(16))) WHERE team_id IS NULL;
CREATE UNIQUE INDEX campaigns_by_team_id ON campaigns (account_id, team_id)
    WHERE team_id IS NOT NULL;

-- A text not sent by then is held (skipped, reason 'too_late'), never sent days late.
ALTER TABLE campaign_recipients ADD COLUMN send_by INTEGER;
-- The provider's sid of a text another desktop of the team sent (progress from the log).
ALTER TABLE campaign_recipients ADD COLUMN provider_sid TEXT;
-- 1: an outcome decided here that the team log has not been told yet.
ALTER TABLE campaign_recipients ADD COLUMN report_pending INTEGER NOT NULL DEFAULT 0
    CHECK (report_pending IN (0, 1));
CREATE INDEX campaign_recipients_to_report ON campaign_recipients (campaign_id)
    WHERE report_pending = 1;
