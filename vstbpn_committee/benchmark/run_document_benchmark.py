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
for the same units, as the README's benchmark gives it (``OPENING``).

Usage (a database with vstbpn_committee installed, demo data or not):

    /opt/odoo18-venv/bin/python vstbpn_committee/benchmark/run_document_benchmark.py \\
        -d DB --addons-path=/opt/odoo18/odoo/addons,/opt/odoo18/addons,. \\
        [--db_host=... --db_port=... --db_user=...] [--scales 0.1,1] [--repeat 3]
"""

import argparse
import importlib
import time

# README, "Benchmark": opening a period, seconds for its units, per scale
OPENING = {0.1: (1.78, 367), 1.0: (16.70, 3356)}


def reporting_benchmark():
    """The reporting benchmark's module: its tree, its output, its transactions
    and its scratch databases, shared rather than copied."""
    return importlib.import_module(
        "odoo.addons.vstbpn_reporting.benchmark.run_benchmark"
    )


def build_tree(bench_module, env, communes):
    """The reporting benchmark's tree and officers, and the national letter to
    every unit."""
    national, provinces = bench_module.build_tree(env, communes)
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
    return document.id


def run_scale(bench_module, registry, scale, repeat):
    out, transaction = bench_module.out, bench_module.transaction
    communes = round(bench_module.COMMUNES * scale)
    out(
        f"\nScale {scale:.0%}: 1 national + {bench_module.PROVINCES} provinces + "
        f"{communes} communes; the national committee issues to all units below"
    )
    with transaction(registry, commit=True) as env:
        document_id = build_tree(bench_module, env, communes)
    runs = []
    for attempt in range(repeat):
        last = attempt == repeat - 1
        with transaction(registry, commit=last) as env:
            document = env["vstbpn.document"].browse(document_id)
            env.flush_all()
            queries = env.cr.sql_log_count
            start = time.perf_counter()
            document.action_issue()
            env.flush_all()
            seconds = time.perf_counter() - start
            count = env.cr.sql_log_count - queries
            units = len(document.recipient_ids)
            activities = len(document.recipient_ids.activity_ids)
        runs.append((seconds, count))
        out(
            f"  issue to all units below        {seconds:8.2f} s {count:8d} queries"
            f"  ({units} committees, {activities} activities,"
            f" {count / units:.3f} queries/unit)"
        )
    seconds, count = min(runs)
    return {"scale": scale, "seconds": seconds, "queries": count, "units": units}


def summarize(bench_module, rows):
    out = bench_module.out
    out("\n| scale | units | issue: s / queries | ms/unit | opening: s | ratio |")
    out("|---|---|---|---|---|---|")
    for row in rows:
        opening, opening_units = OPENING.get(row["scale"], (None, None))
        ms = row["seconds"] / row["units"] * 1000
        if opening:
            # the README's opening counts the national committee's own report too
            expected = opening * row["units"] / opening_units
            ratio = f"{row['seconds'] / expected:.2f}x (target <= 2x)"
            opening_text = f"{opening:.2f} for {opening_units}"
        else:
            ratio = opening_text = "-"
        out(
            f"| {row['scale']:.0%} | {row['units']} | {row['seconds']:.2f} / "
            f"{row['queries']} | {ms:.2f} | {opening_text} | {ratio} |"
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="0.1,1")
    parser.add_argument("--repeat", type=int, default=3)
    args, odoo_args = parser.parse_known_args()

    import odoo
    from odoo.tools import config

    config.parse_config(odoo_args)
    odoo.netsvc.init_logger()
    odoo.modules.module.initialize_sys_path()
    bench_module = reporting_benchmark()
    rows = []
    for scale in (float(s) for s in args.scales.split(",")):
        with bench_module.scratch_database(config["db_name"], scale) as registry:
            rows.append(run_scale(bench_module, registry, scale, args.repeat))
    summarize(bench_module, rows)


if __name__ == "__main__":
    main()
