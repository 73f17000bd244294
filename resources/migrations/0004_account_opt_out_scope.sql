-- 0004: how far a customer's STOP reaches across the account's numbers. per_number is what
-- the provider applies (a STOP to one number blocks that number); account_wide is the
-- admin's "one STOP stops all".
ALTER TABLE accounts ADD COLUMN opt_out_scope TEXT NOT NULL DEFAULT 'per_number'
    CHECK (opt_out_scope IN ('per_number', 'account_wide'));
