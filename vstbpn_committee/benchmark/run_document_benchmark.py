#!/usr/bin/env python3
"""Issuing an official document to every unit of a national tree (not a test).

A tree of 1 national + 34 provincial + 3,321 commune committees (at 10% and
100% of the communes), with an officer for the national committee and for
each province, as in ``vstbpn_reporting/benchmark/run_benchmark.py``. The
national committee issues one official letter "to all units below": one
acknowledgement per committee, one "read and carry out" activity per
committee for the officers of its province (communes have none of their
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
import sys
import time
from contextlib import closing, contextmanager

PROVINCES = 34
COMMUNES = 3321
# README, "Benchmark": opening a period, seconds for its units, per scale
OPENING = {0.1: (1.78, 367), 1.0: (16.70, 3356)}


def out(line=""):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


@contextmanager
def transaction(registry, commit=False):
    """One step, one transaction, as one user action is in Odoo."""
    import odoo

    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "vi_VN"})
        if commit:
            cr.commit()
        else:
            cr.rollback()


@contextmanager
def scratch_database(template, scale):
    """A copy of the installed database for one scale, dropped afterwards."""
    import odoo
    from odoo.tools import SQL

    name = f"{template}_doc_{round(scale * 100)}"

    def admin(query):
        with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
            cr._cnx.autocommit = True
            cr.execute(query)

    admin(
        SQL(
            "CREATE DATABASE %s TEMPLATE %s",
            SQL.identifier(name),
            SQL.identifier(template),
        )
    )
    try:
        yield odoo.modules.registry.Registry(name)
    finally:
        odoo.modules.registry.Registry.delete(name)
        odoo.sql_db.close_db(name)
        admin(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(name)))


def build_tree(env, communes):
    """The national tree, its officers, and the national letter to every unit."""
    Committee = env["vstbpn.committee"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    level = {
        code: env.ref(f"vstbpn_committee.level_{code}").id
        for code in ("national", "province", "commune")
    }
    national = Committee.create(
        {
            "name": "Bench national",
            "code": "BENCH",
            "level_id": level["national"],
            "document_symbol": "UBQG",
        }
    )
    provinces = Committee.create(
        [
            {
                "name": f"Bench province {p:02d}",
                "code": f"BENCH-{p:02d}",
                "level_id": level["province"],
                "parent_id": national.id,
            }
            for p in range(PROVINCES)
        ]
    )
    Committee.create(
        [
            {
                "name": f"Bench commune {c:04d}",
                "code": f"BENCH-{c % PROVINCES:02d}-{c:04d}",
                "level_id": level["commune"],
                "parent_id": provinces[c % PROVINCES].id,
            }
            for c in range(communes)
        ]
    )
    groups = [
        env.ref("base.group_user").id,
        env.ref("vstbpn_committee.group_officer").id,
    ]
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
    Users.create(
        [
            {
                "name": f"Officer {committee.code}",
                "login": f"bench_doc_{committee.code.lower()}",
                "email": f"bench_doc_{committee.code.lower()}@example.com",
                "groups_id": [(6, 0, groups)],
                "vstbpn_committee_ids": [(6, 0, committee.ids)],
            }
            for committee in national | provinces
        ]
    )
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


def run_scale(registry, scale, repeat):
    communes = round(COMMUNES * scale)
    out(
        f"\nScale {scale:.0%}: 1 national + {PROVINCES} provinces + {communes} "
        "communes; the national committee issues to all units below"
    )
    with transaction(registry, commit=True) as env:
        document_id = build_tree(env, communes)
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


def summarize(rows):
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
    rows = []
    for scale in (float(s) for s in args.scales.split(",")):
        with scratch_database(config["db_name"], scale) as registry:
            rows.append(run_scale(registry, scale, args.repeat))
    summarize(rows)


if __name__ == "__main__":
    main()
