#!/bin/sh
# The sqlite3 command-line tool's own insert rate on this machine: 1,000,000 rows of ~80
# characters in one INSERT ... SELECT over a recursive CTE, WAL, synchronous=NORMAL.
# The ceiling the Qt numbers in docs/PERFORMANCE.md are compared with.
set -eu
rows=1000000
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/x.db"
sqlite3 "$db" "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);" >/dev/null
start=$(date +%s%N)
sqlite3 "$db" <<SQL
PRAGMA synchronous=NORMAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO t (body)
SELECT printf('Hi, order #%07d is ready for pickup at our Main St store until 6pm. Ref %05d thanks',
              i, i * 7919 % 100000) FROM n;
COMMIT;
SQL
end=$(date +%s%N)
count=$(sqlite3 "$db" "SELECT count(*) FROM t")
avg=$(sqlite3 "$db" "SELECT CAST(avg(length(body)) AS INTEGER) FROM t")
ns=$((end - start))
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1): $count rows (avg $avg chars) in $((ns / 1000000)) ms = $((count * 1000000000 / ns)) rows/s"
