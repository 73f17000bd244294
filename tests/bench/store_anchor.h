/* The plain-C side of bench_store_ratio. */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

/* Stores `rows` inbound messages over `threads` customers in pages of `pageSize` into the
 * profile at `path` (migrated, account 1 and sender number 1 seeded); 0 on success.
 * *seconds is wall time, *cpuSeconds the process's CPU time (the fairer figure on a
 * loaded machine). */
int store_anchor_run(const char *path, int rows, int threads, int pageSize, double *seconds,
                     double *cpuSeconds);

#ifdef __cplusplus
}
#endif
