#!/usr/bin/env python3
"""Where the time of a consolidation goes (not part of the test suite).

Builds the benchmark's tree at one scale (run_benchmark.py's generator, on a
copy of the database dropped afterwards), fills and accepts the communes'
reports, then consolidates every province and the nation several times, each
run rolled back, and prints for the fastest run:

- the time by kind of SQL statement (the statement's first words) and the
  time outside SQL (Python: the ORM, the suite's code);
- the functions of the suite and of the ORM that take the most time (cProfile);
- two plain SQL baselines: the benchmark's ``GROUP BY`` (reading the totals),
  and the same totals *stored* on the 35 consolidated reports' lines with one
  ``UPDATE ... FROM (GROUP BY)`` per level, which is what a consolidation has
  to do at least.

Usage (as run_benchmark.py):

    /opt/odoo18-venv/bin/python vstbpn_reporting/benchmark/profile_consolidation.py \\
        -d DB --addons-path=... [--db_host=... --db_port=... --db_user=...] \\
        [--scale 0.1] [--repeat 5]
"""

import argparse
import cProfile
import os
import pstats
import re
import sys
import time
from collections import defaultdict
from contextlib import contextmanager

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import run_benchmark as bench

# The consolidated totals of the 34 provinces from their communes' lines, then
# of the nation from the provinces' consolidated lines: what a consolidation
# stores, in plain SQL.
STORE_SQL = """
    UPDATE vstbpn_report_value t
       SET consolidated_female = s.female, consolidated_male = s.male,
           consolidated_total = s.total
      FROM (SELECT v.parent_committee_id, v.indicator_id, SUM(v.female) AS female,
                   SUM(v.male) AS male, SUM(v.total) AS total
              FROM vstbpn_report_value v
             WHERE v.period_id = %(period)s AND v.parent_committee_id = ANY(%(parents)s)
          GROUP BY v.parent_committee_id, v.indicator_id) s
     WHERE t.period_id = %(period)s AND t.committee_id = s.parent_committee_id
       AND t.indicator_id = s.indicator_id
"""
STORE_NATIONAL_SQL = """
    UPDATE vstbpn_report_value t
       SET consolidated_female = s.female, consolidated_male = s.male,
           consolidated_total = s.total
      FROM (SELECT v.indicator_id, SUM(v.consolidated_female) AS female,
                   SUM(v.consolidated_male) AS male, SUM(v.consolidated_total) AS total
              FROM vstbpn_report_value v
             WHERE v.period_id = %(period)s AND v.committee_id = ANY(%(parents)s)
          GROUP BY v.indicator_id) s
     WHERE t.period_id = %(period)s AND t.committee_id = %(nation)s
       AND t.indicator_id = s.indicator_id
"""


@contextmanager
def timed_statements(cr):
    """Time every statement the cursor runs: {first words: [seconds, count]}."""
    spent = defaultdict(lambda: [0.0, 0])
    execute = cr.execute

    def timing(query, params=None, log_exceptions=True):
        start = time.perf_counter()
        try:
            return execute(query, params, log_exceptions)
        finally:
            text = query.code if hasattr(query, "code") else str(query)
            words = re.sub(r"\s+", " ", text).strip().split(" ")
            kind = " ".join(words[:4])[:60]
            entry = spent[kind]
            entry[0] += time.perf_counter() - start
            entry[1] += 1

    cr.execute = timing
    try:
        yield spent
    finally:
        del cr.execute


def profile_run(registry, ids, profiler=None):
    """One consolidation, rolled back: its time and its statements' times;
    under ``profiler`` (cProfile slows the Python side about twofold) if given."""
    period_id, national_id, province_ids = ids
    with bench.transaction(registry) as env, timed_statements(env.cr) as spent:
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        bench.consolidate(env, period_id, national_id, province_ids)
        env.flush_all()
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - start
    return elapsed, dict(spent)


def baseline_runs(registry, ids, repeat):
    period_id, national_id, province_ids = ids
    read, store = [], []
    for _attempt in range(repeat):
        with bench.transaction(registry) as env:
            start = time.perf_counter()
            env.cr.execute(bench.BASELINE_SQL, (period_id, province_ids))
            env.cr.fetchall()
            read.append(time.perf_counter() - start)
        with bench.transaction(registry) as env:
            params = {"period": period_id, "parents": province_ids}
            start = time.perf_counter()
            env.cr.execute(STORE_SQL, params)
            env.cr.execute(STORE_NATIONAL_SQL, {**params, "nation": national_id})
            store.append(time.perf_counter() - start)
    return min(read), min(store)


def report(run, profiler, read, store):
    elapsed, spent = run
    sql = sum(seconds for seconds, _count in spent.values())
    queries = sum(count for _seconds, count in spent.values())
    bench.out(
        f"\nconsolidation: {elapsed * 1000:.0f} ms, {queries} statements, "
        f"{sql * 1000:.0f} ms in SQL, {(elapsed - sql) * 1000:.0f} ms outside"
    )
    bench.out(
        f"baselines: SQL GROUP BY {read * 1000:.0f} ms "
        f"({elapsed / read:.1f}x); the same totals stored by SQL "
        f"{store * 1000:.0f} ms ({elapsed / store:.1f}x)"
    )
    bench.out("\nSQL by kind of statement (ms, count):")
    for kind, (seconds, count) in sorted(spent.items(), key=lambda i: -i[1][0])[:15]:
        bench.out(f"  {seconds * 1000:8.1f} {count:4d}  {kind}")
    bench.out(
        "\nPython, by cumulative time under cProfile, another run "
        "(the suite's and the ORM's functions):"
    )
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, _line, name), stat in stats.stats.items():
        if "vstbpn_" in filename or "/odoo/models.py" in filename:
            rows.append((stat[3], stat[1], f"{os.path.basename(filename)}:{name}"))
    for cumulative, calls, where in sorted(rows, reverse=True)[:20]:
        bench.out(f"  {cumulative * 1000:8.1f} ms {calls:6d} calls  {where}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=5)
    args, odoo_args = parser.parse_known_args()

    import odoo
    from odoo.tools import config

    config.parse_config(odoo_args)
    odoo.netsvc.init_logger()
    with bench.scratch_database(config["db_name"], args.scale) as registry:
        ids = bench.set_up(
            registry, bench.Bench(), args.scale, 1, measure_opening=False
        )
        runs = [profile_run(registry, ids) for _attempt in range(args.repeat)]
        profiler = cProfile.Profile()
        profile_run(registry, ids, profiler)
        read, store = baseline_runs(registry, ids, args.repeat)
        report(min(runs, key=lambda run: run[0]), profiler, read, store)


if __name__ == "__main__":
    main()
