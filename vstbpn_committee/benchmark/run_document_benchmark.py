#!/usr/bin/env python3
"""Issuing an official document to every unit of a national tree (not a test).

A tree of 1 national + 34 provincial + 3,321 commune committees (at 10% and
100% of the communes), with an officer for the national committee and for
each province, built by ``vstbpn_reporting/benchmark/run_benchmark.py``
(imported rather than copied, as are its output, transactions and scratch
databases). The national committee issues one official letter "to all units
below": one acknowledgement per committee, one "read and carry out" activity
per committee for the officers of its province (communes have none of their
own), the printed copy and one message to them all. Measured: seconds and SQL
queries of ``action_issue``, run 3 times, each in a transaction of its own
that is rolled back but the last; the fastest run counts. Each scale runs on
a copy of the installed database, dropped afterwards.

Target (issue 8): no more than twice the time of opening a reporting period
for the same units, measured in the same run: the opening of the reporting
benchmark's national period takes turns with the issuing, rolled back.

Usage (a database with vstbpn_reporting installed, for the reference; demo
data or not):

    /opt/odoo18-venv/bin/python vstbpn_committee/benchmark/run_document_benchmark.py \\
        -d DB --addons-path=/opt/odoo18/odoo/addons,/opt/odoo18/addons,. \\
        [--db_host=... --db_port=... --db_user=...] [--scales 0.1,1] [--repeat 3]
"""

import os
import sys
import time

# The reporting benchmark, next to this addon in the repository: its command
# line, tree, template, measuring and transactions, shared rather than copied.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "vstbpn_reporting", "benchmark"))
import run_benchmark


def reporting_benchmark():
    return run_benchmark


def build_tree(bench_module, env, scale):
    """The reporting benchmark's tree, officers and national period (the
    reference), and the national letter to every unit."""
    communes = round(bench_module.COMMUNES * scale)
    national, provinces = bench_module.build_tree(env, communes)
    period = bench_module.create_period(env, national, scale)
    national.document_symbol = "UBQG"
    officers = env["res.users"].search(
        [("vstbpn_committee_ids", "in", (national | provinces).ids)]
    )
    for user in officers:
        user.email = f"{user.login}@example.com"
    document = env["vstbpn.document"].create(
        {
            "committee_id": national.id,
            "subject": "triển khai Tháng hành động vì bình đẳng giới",
            "to_all_units_below": True,
            "deadline": "2099-12-15",
            "body": "".join(f"<p>{i}. Nội dung triển khai.</p>" for i in range(1, 30)),
            "distribution": "Như trên\nLưu trữ",
            "signer_title": "Chủ tịch",
            "signer_name": "Người ký",
        }
    )
    return document.id, period.id


def run_scale(bench_module, registry, scale, repeat):
    out, transaction = bench_module.out, bench_module.transaction
    out(
        f"\nScale {scale:.0%}: 1 national + {bench_module.PROVINCES} provinces + "
        f"{round(bench_module.COMMUNES * scale)} communes; the national committee "
        "issues to all units below"
    )
    with transaction(registry, commit=True) as env:
        document_id, period_id = build_tree(bench_module, env, scale)
    runs, openings = [], []
    for attempt in range(repeat):
        # the reference takes turns with the issuing, rolled back each time
        with transaction(registry) as env:
            period = env["vstbpn.report.period"].browse(period_id)
            openings.append(measure(env, period.action_open))
            opening_units = len(period.report_ids)
        with transaction(registry, commit=attempt == repeat - 1) as env:
            document = env["vstbpn.document"].browse(document_id)
            seconds, count = measure(env, document.action_issue)
            units = len(document.recipient_ids)
            activities = len(document.recipient_ids.activity_ids)
        runs.append((seconds, count))
        out(
            f"  issue to all units below        {seconds:8.2f} s {count:8d} queries"
            f"  ({units} committees, {activities} activities,"
            f" {count / units:.3f} queries/unit; opening the period "
            f"{openings[-1][0]:.2f} s)"
        )
    seconds, count = min(runs)
    return {
        "scale": scale,
        "seconds": seconds,
        "queries": count,
        "units": units,
        "opening": min(openings)[0],
        "opening_units": opening_units,
    }


def measure(env, action):
    """Seconds and queries of ``action()``, its writes flushed."""
    env.flush_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    action()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries


def summarize(bench_module, rows):
    out = bench_module.out
    out("\n| scale | units | issue: s / queries | ms/unit | opening: s | ratio |")
    out("|---|---|---|---|---|---|")
    for row in rows:
        ms = row["seconds"] / row["units"] * 1000
        # the opening counts the national committee's own report too
        expected = row["opening"] * row["units"] / row["opening_units"]
        out(
            f"| {row['scale']:.0%} | {row['units']} | {row['seconds']:.2f} / "
            f"{row['queries']} | {ms:.2f} | {row['opening']:.2f} for "
            f"{row['opening_units']} | {row['seconds'] / expected:.2f}x "
            "(target <= 2x) |"
        )
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        out(
            f"\n  queries: {small['queries']} for {small['units']} units, "
            f"{large['queries']} for {large['units']} units; time: "
            f"{large['seconds'] / small['seconds']:.1f}x for "
            f"{large['units'] / small['units']:.1f}x the units"
        )


def main():
    bench_module = reporting_benchmark()
    rows = bench_module.run_scales(
        __doc__,
        lambda registry, scale, args: run_scale(
            bench_module, registry, scale, args.repeat
        ),
    )
    summarize(bench_module, rows)


if __name__ == "__main__":
    main()
