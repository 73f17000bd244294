-- 0004: consent at send time, and where each account's provider lives. How far a
-- customer's STOP reaches across the account's numbers (per_number is what the provider applies: a STOP to one number blocks that
-- number; account_wide is the admin's "one STOP stops all"), and why each outbound message
-- composed here is sent, since an opted-out customer may still get the confirmation of
-- the keyword they just texted, and nothing else.
ALTER TABLE accounts ADD COLUMN opt_out_scope TEXT NOT NULL DEFAULT 'per_number'
    CHECK (opt_out_scope IN ('per_number', 'account_wide'));

ALTER TABLE messages ADD COLUMN purpose TEXT NOT NULL DEFAULT 'conversation'
    CHECK (purpose IN ('conversation', 'keyword_confirmation', 'campaign'));

-- Where the account's provider lives. '' means the provider's public default
-- (https://api.twilio.com, https://lookups.twilio.com, https://sync.twilio.com); a sandbox
-- or proxy gives its own. The Auth Token is never here: it is in the OS keychain.
ALTER TABLE accounts ADD COLUMN api_base_url TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN lookup_base_url TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN sync_base_url TEXT NOT NULL DEFAULT '';
