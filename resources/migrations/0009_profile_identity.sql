-- 0009: the profile's identity. Keychain entries are keyed by it (with the account's SID):
-- row ids repeat across profiles, so "account 1" of one profile is not "account 1" of
-- another. One row, a random (version 4) UUID made when the profile is created or upgraded.
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36)
) STRICT;

INSERT INTO profile (id, uuid)
SELECT 1, substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
       substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)
FROM (SELECT lower(hex(randomblob(16))) AS h);
