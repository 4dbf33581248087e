#!/usr/bin/env python3
"""National-scale benchmark of vstbpn_campaign (not part of the test suite).

On the tree of the reporting benchmark (1 national + 34 provincial + 3,321
commune committees, built by its ``build_tree``, imported rather than copied),
measured at each scale:

1. opening a reporting period of 100 indicators for the same units (the
   reference: the campaign's opening must not take longer);
2. opening the national Action Month: one plan and one "submit your plan"
   activity per unit, and the launch guidance issued to every unit as an
   official document;
3. the organiser's dashboard: its grouped reads (activities by format and
   state, partners by source, plans by status) as the national officer, with
   his record rules, against the same GROUP BYs in plain SQL;
4. the summary XLSX (every unit x every format, ~1M cells at 100%) as the
   national officer, against a plain xlsxwriter script writing the same cells.

About 10 activities per commune (80% done, one partner contribution in three)
are inserted by SQL between 2 and 3: that is set-up, not measured. Each scale
runs on its own copy of the installed database, each step in a transaction
of its own (the openings are repeated and rolled back, the last campaign
opening commits); of each repeated step the fastest run counts.

Usage (a database with vstbpn_campaign installed, demo data or not):

    /opt/odoo18-venv/bin/python vstbpn_campaign/benchmark/run_campaign_benchmark.py \\
        -d DB --addons-path=/opt/odoo18/odoo/addons,/opt/odoo18/addons,. \\
        [--db_host=... --db_port=... --db_user=...] [--scales 0.1,1]
"""

import io
import os
import sys
from datetime import date

# The reporting benchmark, next to this addon in the repository: its command
# line, tree, template, measuring and transactions, shared rather than copied.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "vstbpn_reporting", "benchmark"))
import run_benchmark

ACTIVITIES_PER_COMMUNE = 10
# Next year's Action Month: its plan deadline (10/11) is still ahead, and
# within the campaign (a deadline after its end is refused).
YEAR = date.today().year + 1
PERIOD = "1. open a reporting period (reference)"
OPEN = "2. open the Action Month"
DASHBOARD = "3. dashboard read_group (officer)"
DASHBOARD_SQL = "   baseline: SQL GROUP BY"
ACTIVITY_GROUP = "3a. activities read_group alone"
ACTIVITY_SQL = "   baseline: its SQL GROUP BY"
EXPORT = "4. summary XLSX (officer)"
EXPORT_BASELINE = "   baseline: plain xlsxwriter"


def reporting_benchmark():
    return run_benchmark


# SET-UP (not measured)

ACTIVITIES_SQL = """
    INSERT INTO vstbpn_campaign_activity (
        plan_id, committee_id, campaign_id, parent_committee_id, company_id,
        format_id, name, location, state, date_start, date_end, date_done,
        planned_female, planned_male, planned_total,
        actual_female, actual_male, actual_total,
        online_posts, online_views, online_shares,
        cash_amount, in_kind_value, partner_count,
        create_uid, create_date, write_uid, write_date)
    SELECT p.id, p.committee_id, p.campaign_id, c.parent_id, p.company_id,
           f.ids[1 + (p.id + n) %% array_length(f.ids, 1)],
           'Bench activity ' || n, 'Bench place',
           CASE WHEN (p.id + n) %% 5 = 0 THEN 'planned' ELSE 'done' END,
           %(start)s::timestamp + (n || ' days')::interval,
           %(start)s::timestamp + (n || ' days 3 hours')::interval,
           CASE WHEN (p.id + n) %% 5 = 0 THEN NULL ELSE %(start)s::date + n END,
           20 + n, 10 + n, 30 + 2 * n,
           CASE WHEN (p.id + n) %% 5 = 0 THEN 0 ELSE 15 + (p.id + n) %% 20 END,
           CASE WHEN (p.id + n) %% 5 = 0 THEN 0 ELSE 5 + (p.id * n) %% 15 END,
           CASE WHEN (p.id + n) %% 5 = 0 THEN 0
                ELSE 20 + (p.id + n) %% 20 + (p.id * n) %% 15 END,
           0, 0, 0,
           CASE WHEN n %% 3 = 0 THEN 1000000 ELSE 0 END, 0,
           CASE WHEN n %% 3 = 0 THEN 1 ELSE 0 END,
           1, now(), 1, now()
      FROM vstbpn_campaign_plan p
      JOIN vstbpn_committee c ON c.id = p.committee_id
     CROSS JOIN generate_series(1, %(per_unit)s) AS n
     CROSS JOIN (SELECT array_agg(id ORDER BY sequence, id) AS ids
                   FROM vstbpn_campaign_format WHERE active) f
     WHERE p.campaign_id = %(campaign)s AND c.parent_id = ANY(%(provinces)s)
"""
PARTNERS_SQL = """
    INSERT INTO vstbpn_campaign_activity_partner (
        activity_id, committee_id, campaign_id, company_id, partner_id, role,
        sequence, cash_amount, in_kind_value,
        create_uid, create_date, write_uid, write_date)
    SELECT a.id, a.committee_id, a.campaign_id, a.company_id, %(partner)s,
           'enterprise', 10, a.cash_amount, 0, 1, now(), 1, now()
      FROM vstbpn_campaign_activity a
     WHERE a.campaign_id = %(campaign)s AND a.partner_count = 1
"""
BASELINE_ACTIVITIES = """
    SELECT format_id, state, COUNT(*),
           SUM(planned_female), SUM(planned_male), SUM(planned_total),
           SUM(actual_female), SUM(actual_male), SUM(actual_total),
           SUM(cash_amount), SUM(in_kind_value), SUM(online_posts),
           SUM(online_views), SUM(online_shares), SUM(partner_count)
      FROM vstbpn_campaign_activity
     WHERE campaign_id = %s
  GROUP BY format_id, state
"""
BASELINE_ROLES = """
    SELECT l.role, SUM(l.cash_amount), SUM(l.in_kind_value),
           COUNT(DISTINCT l.partner_id)
      FROM vstbpn_campaign_activity_partner l
      JOIN vstbpn_campaign_activity a ON a.id = l.activity_id
     WHERE l.campaign_id = %s AND a.state = 'done'
  GROUP BY l.role
"""
BASELINE_PLANS = """
    SELECT state, submission_status, COUNT(*)
      FROM vstbpn_campaign_plan WHERE campaign_id = %s
  GROUP BY state, submission_status
"""


def set_up(bench_module, registry, scale):
    communes = round(bench_module.COMMUNES * scale)
    with bench_module.transaction(registry, commit=True) as env:
        national, provinces = bench_module.build_tree(env, communes)
        national.document_symbol = "BVSTBPN"
        head = env["res.partner"].create({"name": "Bench head"})
        env["vstbpn.committee.member"].create(
            {
                "committee_id": national.id,
                "partner_id": head.id,
                "role": "head",
                "date_start": "2020-01-01",
            }
        )
        period = bench_module.create_period(env, national, scale, YEAR)
        campaign = env["vstbpn.campaign"].create(
            {
                "year": YEAR,
                "committee_id": national.id,
                "theme": "Bình đẳng giới và an toàn cho phụ nữ và trẻ em gái "
                "trong kỷ nguyên số",
                "guidance": "<p>Bench guidance to every unit.</p>",
                "plan_deadline": f"{YEAR}-11-10",
            }
        )
        officer = env["res.users"].search([("login", "=", "bench_bench")])
        return {
            "period": period.id,
            "campaign": campaign.id,
            "national": national.id,
            "provinces": provinces.ids,
            "officer": officer.id,
            "units": len(campaign.participant_ids) + 1,
        }


def insert_activities(bench_module, registry, ids):
    with bench_module.transaction(registry, commit=True) as env:
        partner = env["res.partner"].create({"name": "Bench enterprise"})
        env.cr.execute(
            ACTIVITIES_SQL,
            {
                "start": f"{YEAR}-11-15 01:00:00",
                "per_unit": ACTIVITIES_PER_COMMUNE,
                "campaign": ids["campaign"],
                "provinces": ids["provinces"],
            },
        )
        activities = env.cr.rowcount
        env.cr.execute(
            PARTNERS_SQL, {"partner": partner.id, "campaign": ids["campaign"]}
        )
        bench_module.out(
            f"     {activities:,} activities, {env.cr.rowcount:,} partner "
            "contributions (SQL set-up)"
        )
    bench_module.vacuum(
        registry, "vstbpn_campaign_activity", "vstbpn_campaign_activity_partner"
    )


def baseline_xlsx(header, rows):
    """The same cells with nothing but xlsxwriter, from data already in memory."""
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    sheet = workbook.add_worksheet("Baseline")
    number = workbook.add_format({"num_format": "#,##0", "border": 1})
    text = workbook.add_format({"border": 1})
    bold = workbook.add_format({"bold": True, "border": 1})
    for col, label in enumerate(header):
        sheet.write_string(3, col, label, bold)
    sheet.freeze_panes(4, 5)
    for row, (labels, figures) in enumerate(rows, start=4):
        for col, label in enumerate(labels):
            sheet.write_string(row, col, label, text)
        sheet.write_row(row, 5, figures, number)
    workbook.close()
    return len(output.getvalue())


def summary_cells(env, campaign):
    """The cells of the summary, read beforehand for the xlsxwriter baseline."""
    Summary = env["vstbpn.campaign.summary"]
    figures = Summary._by_committee_and_format(campaign)
    states = Summary._plan_states(campaign)
    formats = env["vstbpn.campaign.format"].search([])
    width = len(env["vstbpn.campaign.xlsx.summary"]._get_columns(campaign))
    zeros = (0,) * width
    rows = [
        (
            (code, name, above, states.get(committee_id, ""), format_.name),
            figures.get((committee_id, format_.id), zeros),
        )
        for committee_id, code, name, above in Summary._committees(campaign)
        for format_ in formats
    ]
    header = ["Code", "Unit", "Above", "Plan", "Format"] + [
        str(i) for i in range(width)
    ]
    return header, rows


def run_scale(bench_module, registry, scale, repeat=3):
    out = bench_module.out
    out(
        f"\nScale {scale:.0%}: 1 national + {bench_module.PROVINCES} provinces + "
        f"{round(bench_module.COMMUNES * scale)} communes"
    )
    bench = bench_module.Bench()
    ids = set_up(bench_module, registry, scale)
    # the reference and the campaign take turns, so that both meet the same
    # load on a shared machine; only the last campaign opening commits
    for attempt in range(repeat):
        with bench_module.transaction(registry) as env:
            period = env["vstbpn.report.period"].browse(ids["period"])
            with bench.step(env, PERIOD, scale, units=ids["units"]):
                period.action_open()
        last = attempt == repeat - 1
        with bench_module.transaction(registry, commit=last) as env:
            campaign = env["vstbpn.campaign"].browse(ids["campaign"])
            with bench.step(env, OPEN, scale, units=ids["units"]):
                campaign.action_open()
            if last:
                document = campaign.guidance_document_id
                out(
                    f"     {len(campaign.plan_ids)} plans, guidance "
                    f"{document.document_reference or '-'} ({document.state}) to "
                    f"{len(document.recipient_ids)} units"
                )
    bench_module.vacuum(
        registry, "vstbpn_campaign_plan", "mail_activity", "vstbpn_report_value"
    )
    insert_activities(bench_module, registry, ids)
    for _attempt in range(repeat):
        with bench_module.transaction(registry) as env:
            campaign = (
                env["vstbpn.campaign"].with_user(ids["officer"]).browse(ids["campaign"])
            )
            env.flush_all()
            with bench.step(env, DASHBOARD, scale):
                figures = campaign._vstbpn_dashboard_figures()
            counted = figures["fields"]["campaign_activity_count"]
            with bench.step(env, DASHBOARD_SQL, scale):
                for query in (BASELINE_ACTIVITIES, BASELINE_ROLES, BASELINE_PLANS):
                    env.cr.execute(query, (ids["campaign"],))
                    env.cr.fetchall()
            with bench.step(env, ACTIVITY_GROUP, scale):
                env["vstbpn.campaign.summary"].with_user(
                    ids["officer"]
                )._by_format_and_state(campaign)
            with bench.step(env, ACTIVITY_SQL, scale):
                env.cr.execute(BASELINE_ACTIVITIES, (ids["campaign"],))
                env.cr.fetchall()
    with bench_module.transaction(registry) as env:
        campaign = env["vstbpn.campaign"].browse(ids["campaign"])
        header, rows = summary_cells(env, campaign)
    for _attempt in range(repeat):
        with bench_module.transaction(registry) as env:
            campaign = (
                env["vstbpn.campaign"].with_user(ids["officer"]).browse(ids["campaign"])
            )
            with bench.step(env, EXPORT, scale) as result:
                content, _name = campaign._get_summary_xlsx()
                result["bytes"] = len(content)
            with bench.step(env, EXPORT_BASELINE, scale) as result:
                result["bytes"] = baseline_xlsx(header, rows)
    cells = sum(len(labels) + len(figures) for labels, figures in rows)
    out(
        f"     {len(rows):,} summary rows, {cells:,} cells; dashboard counted "
        f"{counted:,} activities"
    )
    return bench.rows


def summarize(bench_module, rows):
    out = bench_module.out
    by, scales = bench_module.print_table(rows)
    out("\nTargets:")
    for scale in scales:
        period, opening = by[(scale, PERIOD)], by[(scale, OPEN)]
        dashboard = by[(scale, DASHBOARD)]["seconds"]
        dashboard_sql = by[(scale, DASHBOARD_SQL.strip())]["seconds"]
        group = by[(scale, ACTIVITY_GROUP)]["seconds"]
        group_sql = by[(scale, ACTIVITY_SQL.strip())]["seconds"]
        export = by[(scale, EXPORT)]
        baseline = by[(scale, EXPORT_BASELINE.strip())]
        out(
            f"  {scale:.0%}: opening {opening['seconds']:.2f} s vs period "
            f"{period['seconds']:.2f} s = "
            f"{opening['seconds'] / period['seconds']:.2f}x "
            f"(target <= 1x), {opening['per_unit']:.2f} queries/unit; "
            f"dashboard {dashboard / dashboard_sql:.1f}x SQL, activities read_group "
            f"{group / group_sql:.1f}x SQL (target <= 3x); XLSX "
            f"{export['seconds'] / baseline['seconds']:.2f}x xlsxwriter, "
            f"+{export['mb']:.0f} MB"
        )


def main():
    bench_module = reporting_benchmark()
    results = bench_module.run_scales(
        __doc__,
        lambda registry, scale, args: run_scale(
            bench_module, registry, scale, args.repeat
        ),
    )
    summarize(bench_module, [row for rows in results for row in rows])
    sys.stdout.flush()


if __name__ == "__main__":
    main()
