/* The C anchor for bench_store_ratio: the work of MessageStore::upsertPage written directly on
 * the SQLite C API, on a profile the project's migrations created (same schema, same FTS
 * trigger). Per page, in one transaction: a look-up by sid for idempotence, the thread found
 * or created (cached across pages), the rows staged with positional binding and inserted by
 * one INSERT ... SELECT (FTS5 indexes them), then one set-based UPDATE of the thread
 * aggregates (last message, preview, unread count, reopen). */
#include "store_anchor.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum
{
    Slots = 1 << 18
};

struct ThreadSlot
{
    char number[24];
    sqlite3_int64 id;
};

static unsigned hashOf(const char *text)
{
    unsigned h = 2166136261u;
    for (; *text; ++text)
        h = (h ^ (unsigned char)*text) * 16777619u;
    return h;
}

static int check(sqlite3 *db, int rc, const char *what)
{
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
        return 0;
    fprintf(stderr, "anchor: %s: %s\n", what, sqlite3_errmsg(db));
    return 1;
}

static int exec(sqlite3 *db, const char *sql)
{
    return check(db, sqlite3_exec(db, sql, NULL, NULL, NULL), sql);
}

static sqlite3_int64 findOrCreate(struct ThreadSlot *slots, sqlite3_stmt *find,
                                  sqlite3_stmt *insert, const char *customer)
{
    unsigned at = hashOf(customer) & (Slots - 1);
    while (slots[at].id != 0) {
        if (strcmp(slots[at].number, customer) == 0)
            return slots[at].id;
        at = (at + 1) & (Slots - 1);
    }
    sqlite3_int64 id = 0;
    sqlite3_bind_text(find, 1, customer, -1, SQLITE_STATIC);
    if (sqlite3_step(find) == SQLITE_ROW)
        id = sqlite3_column_int64(find, 0);
    sqlite3_reset(find);
    if (id == 0) {
        sqlite3_bind_text(insert, 1, customer, -1, SQLITE_STATIC);
        if (sqlite3_step(insert) == SQLITE_ROW)
            id = sqlite3_column_int64(insert, 0);
        sqlite3_reset(insert);
        if (id == 0)
            return 0;
    }
    snprintf(slots[at].number, sizeof slots[at].number, "%s", customer);
    slots[at].id = id;
    return id;
}

int store_anchor_run(const char *path, int rows, int threads, int pageSize, double *seconds,
                     double *cpuSeconds)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return 1;
    if (exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                 "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;") ||
        exec(db, "CREATE TEMP TABLE page_messages (seq INTEGER PRIMARY KEY, account_id, "
                 "thread_id, direction, from_number, to_number, body, status, provider_sid, "
                 "segments, created_at, updated_at)"))
        return 1;
    sqlite3_stmt *known = NULL, *find = NULL, *insertThread = NULL, *stage = NULL, *insert = NULL,
                 *aggregate = NULL;
    if (check(db,
              sqlite3_prepare_v2(db, "SELECT id FROM messages WHERE provider_sid = ?", -1, &known,
                                 NULL),
              "prepare known") ||
        check(db,
              sqlite3_prepare_v2(db,
                                 "SELECT id FROM threads WHERE account_id = 1 AND "
                                 "customer_number = ? AND sender_number_id = 1 AND "
                                 "provider_keyword = ''",
                                 -1, &find, NULL),
              "prepare find") ||
        check(db,
              sqlite3_prepare_v2(db,
                                 "INSERT INTO threads (account_id, customer_number, "
                                 "sender_number_id) VALUES (1, ?, 1) RETURNING id",
                                 -1, &insertThread, NULL),
              "prepare thread") ||
        check(db,
              sqlite3_prepare_v2(db,
                                 "INSERT INTO temp.page_messages VALUES "
                                 "(?, 1, ?, 'in', ?, ?, ?, 'received', ?, 1, ?, ?)",
                                 -1, &stage, NULL),
              "prepare stage") ||
        check(db,
              sqlite3_prepare_v2(db,
                                 "INSERT INTO messages (account_id, thread_id, direction, "
                                 "from_number, to_number, body, status, provider_sid, "
                                 "segments, created_at, updated_at) SELECT account_id, "
                                 "thread_id, direction, from_number, to_number, body, status, "
                                 "provider_sid, segments, created_at, updated_at FROM "
                                 "temp.page_messages ORDER BY seq",
                                 -1, &insert, NULL),
              "prepare insert") ||
        check(db,
              sqlite3_prepare_v2(
                  db,
                  "UPDATE threads SET last_message_id = n.id, last_message_at = n.at, "
                  "last_message_preview = substr(n.body, 1, 120), "
                  "unread_count = unread_count + n.inbound, "
                  "status = iif(n.inbound > 0, 'open', status), "
                  "snoozed_until = iif(n.inbound > 0, NULL, snoozed_until) "
                  "FROM (SELECT m.thread_id AS tid, max(m.created_at) AS at, m.id, m.body, "
                  "sum(m.direction = 'in') AS inbound FROM temp.page_messages p JOIN "
                  "messages m ON m.provider_sid = p.provider_sid GROUP BY m.thread_id) n "
                  "WHERE threads.id = n.tid",
                  -1, &aggregate, NULL),
              "prepare aggregate"))
        return 1;

    struct ThreadSlot *slots = calloc(Slots, sizeof *slots);
    char sid[40], from[24], body[128];
    const sqlite3_int64 base = 1793491200000LL; /* 2026-11-01 UTC, as the store run */
    struct timespec start, end, cpuStart, cpuEnd;
    clock_gettime(CLOCK_MONOTONIC, &start);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuStart);
    int failed = 0;
    for (int first = 0; first < rows && !failed; first += pageSize) {
        failed = exec(db, "BEGIN") || exec(db, "DELETE FROM temp.page_messages");
        for (int i = first; i < first + pageSize && i < rows && !failed; ++i) {
            snprintf(sid, sizeof sid, "SM%032x", i);
            snprintf(from, sizeof from, "+1555%07d", i % threads);
            snprintf(body, sizeof body,
                     "Hi, order #%07d is ready for pickup at our Main St store until 6pm. "
                     "Ref %05d thanks",
                     i, i * 7919 % 100000);
            sqlite3_bind_text(known, 1, sid, -1, SQLITE_STATIC);
            const int rc = sqlite3_step(known);
            sqlite3_reset(known);
            if (rc == SQLITE_ROW)
                continue; /* already stored: the store would upsert it */
            const sqlite3_int64 thread = findOrCreate(slots, find, insertThread, from);
            if (thread == 0) {
                failed = check(db, SQLITE_ERROR, "thread");
                break;
            }
            sqlite3_bind_int(stage, 1, i);
            sqlite3_bind_int64(stage, 2, thread);
            sqlite3_bind_text(stage, 3, from, -1, SQLITE_STATIC);
            sqlite3_bind_text(stage, 4, "+15550100001", -1, SQLITE_STATIC);
            sqlite3_bind_text(stage, 5, body, -1, SQLITE_STATIC);
            sqlite3_bind_text(stage, 6, sid, -1, SQLITE_STATIC);
            sqlite3_bind_int64(stage, 7, base + i);
            sqlite3_bind_int64(stage, 8, base + i);
            failed = check(db, sqlite3_step(stage), "stage");
            sqlite3_reset(stage);
        }
        if (!failed) {
            failed = check(db, sqlite3_step(insert), "insert") ||
                     check(db, sqlite3_step(aggregate), "aggregate") || exec(db, "COMMIT");
            sqlite3_reset(insert);
            sqlite3_reset(aggregate);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuEnd);
    *seconds = (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    *cpuSeconds =
        (double)(cpuEnd.tv_sec - cpuStart.tv_sec) + (cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e9;
    free(slots);
    sqlite3_finalize(known);
    sqlite3_finalize(find);
    sqlite3_finalize(insertThread);
    sqlite3_finalize(stage);
    sqlite3_finalize(insert);
    sqlite3_finalize(aggregate);
    sqlite3_close(db);
    return failed;
}
