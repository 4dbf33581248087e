#!/usr/bin/env python3
"""National-scale benchmark of vstbpn_reporting (not part of the test suite).

A tree of 1 national + 34 provincial + 3,321 commune committees and a template
of 100 sex-disaggregated indicators; measured in one run, at each scale:

1. opening the period (one report and its activities per committee);
2. filling every commune's values (fast path: one SQL UPDATE that writes valid
   figures, total = female + male, and marks the reports accepted);
3. consolidating the tree with the ORM (every province, then the nation);
4. exporting the per-commune detail of the national consolidation to XLSX;
5. evaluating 20 validation rules on every report of the period and storing
   their violations, as the committee above does when it reviews the period
   (5b: again, once they are stored, as after the units' submissions);
6. flagging the outlying figures of every report against their peers;

and, as baselines over the same rows, a plain SQL GROUP BY (province and
national totals in one query), a plain xlsxwriter script writing the same
cells and, for the rules, two plain SQL: the same 20 checks (one self-join
per rule) alone, and the same checks storing the same violations (DELETE of
the period's, then INSERT ... SELECT; on 5b that replaces them). Each
step prints its time, SQL query count and peak memory growth (RSS
sampled every 5 ms). Each scale runs on a copy of the database that is dropped
afterwards, and each step in a transaction of its own, as each user action is
in Odoo: the set-up and the opening commit, the repeated runs roll back.

Usage (a database with vstbpn_reporting installed, demo data or not, and
the Vietnamese language loaded):

    /opt/odoo18-venv/bin/python vstbpn_reporting/benchmark/run_benchmark.py \\
        -d DB --addons-path=/opt/odoo18/odoo/addons,/opt/odoo18/addons,. \\
        [--db_host=... --db_port=... --db_user=...] [--scales 0.1,1] \\
        [--steps open,consolidate,export,quality] [--repeat 3]

``--steps quality`` measures the data-quality steps (5, 5b, 6) alone: the
tree is built, the period opened (once, without its baseline) and the
communes' values filled as for the whole run, but nothing is consolidated,
so the provincial and national reports hold no figures.
"""

import argparse
import io
import os
import statistics
import sys
import threading
import time
from contextlib import closing, contextmanager

PROVINCES = 34
COMMUNES = 3321
INDICATORS = 100
OPEN = "1. open the period"
OPEN_BASELINE = "   baseline: plain INSERT ... SELECT"
CONSOLIDATE = "3. consolidate (provinces, nation)"
EXPORT = "4. XLSX detail of the nation"
RULES = "5. evaluate the rules (national period)"
RULES_BASELINE = "baseline: SQL checks"
RULES_STORE_BASELINE = "baseline: SQL storing them"
RULES_REPLACE_BASELINE = "baseline: SQL replacing them"
RULES_AGAIN = "5b. evaluate again (violations stored)"
OUTLIERS = "6. flag outliers (national period)"
# What --steps may name; the opening always runs (it makes the lines), once
# when it is not measured. The export needs the consolidation.
STEPS = ("open", "consolidate", "export", "quality")
# The validation rules of step 5: figures {letter: (indicator number, part)},
# left side, operator, right side. A divisor is always one figure ("/ {b}"):
# the rule leaves a report unchecked where it is zero, as the baseline's
# NULLIF does.
BENCH_RULES = [
    (
        {"a": (0, "female"), "b": (0, "male"), "c": (0, "total")},
        "{a} + {b}",
        "eq",
        "{c}",
    ),
    ({"a": (1, "female"), "b": (1, "total")}, "{a}", "le", "{b}"),
    ({"a": (2, "male"), "b": (2, "total")}, "{a}", "le", "{b}"),
    ({"a": (3, "total")}, "{a}", "le", "100"),
    ({"a": (4, "female"), "b": (5, "female")}, "{a}", "le", "{b} + 5"),
    ({"a": (6, "total"), "b": (7, "male")}, "{a}", "ge", "{b}"),
    ({"a": (8, "female"), "b": (8, "total")}, "{a} / {b} * 100", "le", "80"),
    ({"a": (9, "female"), "b": (9, "male")}, "{a}", "ne", "{b}"),
    ({"a": (10, "total"), "b": (10, "female")}, "{a}", "gt", "{b}"),
    ({"a": (11, "female")}, "{a}", "lt", "50"),
    ({"a": (12, "total"), "b": (13, "total")}, "{a} - {b}", "le", "60"),
    ({"a": (14, "female"), "b": (14, "male")}, "{a} * 2", "ge", "{b}"),
    ({"a": (15, "total"), "b": (16, "total")}, "{a}", "ge", "{b} - 30"),
    ({"a": (17, "female"), "b": (18, "female")}, "{a} + {b}", "le", "100"),
    ({"a": (19, "male")}, "{a}", "le", "30"),
    ({"a": (20, "female"), "b": (21, "female")}, "({a} + {b}) / 2", "le", "45"),
    (
        {"a": (22, "total"), "b": (22, "female"), "c": (22, "male")},
        "{a}",
        "eq",
        "{b} + {c}",
    ),
    ({"a": (23, "female")}, "{a}", "ge", "0"),
    ({"a": (24, "total"), "b": (25, "total")}, "{a} / {b}", "le", "10"),
    ({"a": (26, "male"), "b": (26, "female")}, "{a}", "lt", "{b} + 31"),
]
# The baseline's comparisons: true where the rule holds.
BASELINE_HOLDS = {
    "eq": "ABS(({l}) - ({r})) <= 0.000001",
    "ne": "ABS(({l}) - ({r})) > 0.000001",
    "lt": "({l}) < ({r})",
    "le": "({l}) <= ({r})",
    "gt": "({l}) > ({r})",
    "ge": "({l}) >= ({r})",
}


class PeakRss:
    """Samples the process RSS in a thread; reports the peak above the start."""

    def __init__(self, interval=0.005):
        self.interval = interval
        self.page = os.sysconf("SC_PAGE_SIZE")

    def _rss(self):
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * self.page

    def __enter__(self):
        self.start = self.peak = self._rss()
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, self._rss())
            time.sleep(self.interval)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, self._rss())

    @property
    def growth_mb(self):
        return (self.peak - self.start) / 1024 / 1024


class Bench:
    def __init__(self):
        self.rows = []

    @contextmanager
    def step(self, env, name, scale, units=None):
        cr = env.cr
        queries = cr.sql_log_count
        result = {}
        with PeakRss() as rss:
            start = time.perf_counter()
            yield result
            env.flush_all()
            elapsed = time.perf_counter() - start
        count = cr.sql_log_count - queries
        row = {
            "scale": scale,
            "step": name,
            "seconds": elapsed,
            "queries": count,
            "mb": rss.growth_mb,
            "per_unit": count / units if units else None,
            "units": units,
        }
        row.update(result)
        self.rows.append(row)
        out(
            f"  {name:<34} {elapsed:8.2f} s {count:8d} queries "
            f"{rss.growth_mb:8.1f} MB"
            + (f"  ({row['per_unit']:.2f} queries/unit)" if units else "")
        )


def out(line=""):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# SET-UP (not measured)


def build_tree(env, communes):
    Committee = env["vstbpn.committee"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    level = {
        code: env.ref(f"vstbpn_committee.level_{code}").id
        for code in ("national", "province", "commune")
    }
    national = Committee.create(
        {"name": "Bench national", "code": "BENCH", "level_id": level["national"]}
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
    officer = env.ref("vstbpn_committee.group_officer")
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
    for committee in national | provinces:
        Users.create(
            {
                "name": f"Officer {committee.code}",
                "login": f"bench_{committee.code.lower()}",
                "groups_id": [(6, 0, [env.ref("base.group_user").id, officer.id])],
                "vstbpn_committee_ids": [(6, 0, committee.ids)],
            }
        )
    return national, provinces


def build_template(env):
    indicators = env["vstbpn.indicator"].create(
        [
            {
                "code": f"BENCH-{i:03d}",
                "name": f"Bench indicator {i:03d}",
                "value_type": "integer",
                "by_sex": True,
                "consolidation_rule": "sum",
                "sequence": i,
            }
            for i in range(INDICATORS)
        ]
    )
    # every automatic source switched on: the shipped indicators that have one
    # (HR, the committee's records, the Action Month) are filled at opening
    indicators |= env["vstbpn.indicator"].search([("source", "!=", False)])
    return env["vstbpn.report.template"].create(
        {
            "name": "Bench template",
            "kind": "annual",
            "line_ids": [
                (0, 0, {"sequence": i, "indicator_id": ind.id})
                for i, ind in enumerate(indicators)
            ],
            "section_ids": [(0, 0, {"name": "Results"})],
        }
    )


FILL_SQL = """
    UPDATE vstbpn_report_value v
       SET female = v.id %% 53, male = v.id %% 31, total = v.id %% 53 + v.id %% 31,
           result_female = v.id %% 53, result_male = v.id %% 31,
           result_total = v.id %% 53 + v.id %% 31,
           result_value = v.id %% 53 + v.id %% 31
      FROM vstbpn_report r
     WHERE r.id = v.report_id AND r.period_id = %s AND r.committee_id = ANY(%s)
"""
ACCEPT_SQL = """
    UPDATE vstbpn_report
       SET state = 'accepted', date_submitted = CURRENT_DATE,
           date_accepted = CURRENT_DATE
     WHERE period_id = %s AND committee_id = ANY(%s)
"""
BASELINE_SQL = """
    SELECT c.parent_id, v.indicator_id,
           SUM(v.female), SUM(v.male), SUM(v.total)
      FROM vstbpn_report_value v
      JOIN vstbpn_report r ON r.id = v.report_id
      JOIN vstbpn_committee c ON c.id = r.committee_id
     WHERE r.period_id = %s AND c.parent_id = ANY(%s)
  GROUP BY GROUPING SETS ((c.parent_id, v.indicator_id), (v.indicator_id))
"""


def build_rules(env, period_id):
    """The 20 rules of step 5, on the period's template."""
    template = env["vstbpn.report.period"].browse(period_id).template_id
    env["vstbpn.validation.rule"].create(
        [
            {
                "name": f"Bench rule {number:02d}",
                "left_expression": rule_side(left, figures),
                "operator": operator,
                "right_expression": rule_side(right, figures),
                "skip_policy": "never",
                "template_ids": [(6, 0, template.ids)],
            }
            for number, (figures, left, operator, right) in enumerate(BENCH_RULES)
        ]
    )


def rule_side(side, figures):
    return side.format(
        **{key: f"[BENCH-{i:03d}.{part}]" for key, (i, part) in figures.items()}
    )


def baseline_rules_sql(env, period_id):
    """The same checks in plain SQL: per rule, the report's lines of the
    indicators it reads joined on the report, the rule's condition negated;
    one UNION ALL of the 20 rules. Each row holds what a violation stores:
    the report, the rule, its importance and the figures of both sides."""
    import re

    from odoo.tools import SQL

    indicator_ids = dict(
        env["vstbpn.indicator"]
        .search([("code", "=like", "BENCH-%")])
        .mapped(lambda i: (int(i.code.split("-")[1]), i.id))
    )
    rules = {
        int(rule.name.split()[-1]): rule
        for rule in env["vstbpn.validation.rule"].search(
            [("name", "=like", "Bench rule %")]
        )
    }
    branches = []
    for number, (figures, left, operator, right) in enumerate(BENCH_RULES):
        indicators = sorted({i for i, _part in figures.values()})
        alias = {i: f"v{index}" for index, i in enumerate(indicators)}
        columns = {
            key: f"{alias[i]}.result_{part}::float8"
            for key, (i, part) in figures.items()
        }

        def side(text, columns=columns):
            return re.sub(r"/ (\{\w\})", r"/ NULLIF(\1, 0)", text).format(**columns)

        joins = SQL(" ").join(
            SQL(
                "JOIN vstbpn_report_value %s ON %s = v0.report_id AND %s = %s",
                SQL.identifier(alias[i]),
                SQL.identifier(alias[i], "report_id"),
                SQL.identifier(alias[i], "indicator_id"),
                indicator_ids[i],
            )
            for i in indicators[1:]
        )
        branches.append(
            SQL(
                "SELECT * FROM (SELECT v0.report_id, %s AS rule_id, "
                "%s AS importance, %s AS l, %s AS r "
                "FROM vstbpn_report_value v0 %s "
                "WHERE v0.period_id = %s AND v0.indicator_id = %s) AS c "
                "WHERE NOT (%s)",
                rules[number].id,
                rules[number].importance,
                SQL(side(left)),
                SQL(side(right)),
                joins,
                period_id,
                indicator_ids[indicators[0]],
                SQL(BASELINE_HOLDS[operator].format(l="c.l", r="c.r")),
            )
        )
    return SQL(" UNION ALL ").join(branches)


def baseline_store_sql(period_id, checks):
    """The same checks storing the same violations in plain SQL: the
    period's stored violations deleted, then the rows found inserted (two
    statements); their foreign keys and unique index are checked as for the
    evaluation's rows."""
    from odoo.tools import SQL

    return [
        SQL(
            "DELETE FROM vstbpn_report_violation x USING vstbpn_report r "
            "WHERE r.id = x.report_id AND r.period_id = %s",
            period_id,
        ),
        SQL(
            "INSERT INTO vstbpn_report_violation ("
            "report_id, rule_id, importance, left_value, right_value) "
            "SELECT report_id, rule_id, importance, l, r FROM (%s) AS found",
            checks,
        ),
    ]


def evaluate_rules(env, period_id):
    """What the committee above runs when it reviews the period's rules."""
    reports = env["vstbpn.report"].search([("period_id", "=", period_id)])
    env["vstbpn.validation.rule"]._evaluate_reports(reports)


def count_violations(env, period_id):
    env.cr.execute(
        "SELECT COUNT(*) FROM vstbpn_report_violation x "
        "JOIN vstbpn_report r ON r.id = x.report_id WHERE r.period_id = %s",
        (period_id,),
    )
    return env.cr.fetchone()[0]


def flag_outliers(env, period_id):
    reports = env["vstbpn.report"].search([("period_id", "=", period_id)])
    env["vstbpn.report.value"]._flag_outliers(reports)
    env.cr.execute(
        "SELECT COUNT(*) FROM vstbpn_report_value "
        "WHERE period_id = %s AND outlier_kind IS NOT NULL",
        (period_id,),
    )
    return env.cr.fetchone()[0]


def baseline_xlsx(units, matrix):
    """The same cells with nothing but xlsxwriter, from data already in memory."""
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    sheet = workbook.add_worksheet("Baseline")
    number = workbook.add_format({"num_format": "#,##0", "border": 1})
    header = workbook.add_format({"bold": True, "border": 1})
    sheet.write(0, 0, "Baseline")
    for index, name in enumerate(units):
        sheet.merge_range(2, 2 + 3 * index, 2, 4 + 3 * index, name, header)
    for index in range(len(units)):
        for offset, label in enumerate(("Nữ", "Nam", "Tổng")):
            sheet.write_string(3, 2 + 3 * index + offset, label, header)
    sheet.freeze_panes(4, 2)
    for row, (code, figures) in enumerate(matrix, start=4):
        sheet.write_string(row, 0, code)
        sheet.write_string(row, 1, code)
        for col, value in enumerate(figures, start=2):
            sheet.write_number(row, col, value, number)
    workbook.close()
    return len(output.getvalue())


@contextmanager
def transaction(registry, commit=False):
    """An environment on a cursor of its own: each step is one transaction, as
    each user action is in Odoo. Rolled back unless ``commit``."""
    import odoo

    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "vi_VN"})
        if commit:
            cr.commit()
        else:
            cr.rollback()


def baseline_opening(env, period_id):
    """What an opening stores, written by plain SQL: one report row per target
    committee and the requester's own, then the same value lines as the
    opening inserts (its own statement); no ORM, no activities, no chatter."""
    from odoo.tools import SQL

    from odoo.addons.vstbpn_committee.tools import sql_array
    from odoo.addons.vstbpn_reporting.models.vstbpn_report_value_writer import (
        INSERT_VALUES,
    )

    env.cr.execute(
        """
        INSERT INTO vstbpn_report (
            name, period_id, committee_id, parent_committee_id, template_id,
            company_id, deadline, state, create_uid, create_date, write_uid,
            write_date)
        SELECT p.name || ' - ' || c.name, p.id, c.id, c.parent_id, p.template_id,
               c.company_id, p.deadline, 'draft', 1, now(), 1, now()
          FROM vstbpn_report_period p
          JOIN (SELECT period_id, committee_id FROM vstbpn_report_period_target_rel
                UNION
                SELECT id, committee_id FROM vstbpn_report_period
                 WHERE include_requester) t ON t.period_id = p.id
          JOIN vstbpn_committee c ON c.id = t.committee_id
         WHERE p.id = %s
        RETURNING id
        """,
        (period_id,),
    )
    ids = tuple(row[0] for row in env.cr.fetchall())
    # the same rows as the opening's, born filled where it has them so
    filled = env["vstbpn.figure.source"]._get_indicators_filled(
        env["vstbpn.report"].browse(ids)
    )
    env.cr.execute(
        SQL(
            INSERT_VALUES,
            uid=1,
            now=env.cr.now(),
            ids=ids,
            filled=sql_array(filled, "int4"),
        )
    )
    return len(ids)


def describe_opening(env, period):
    activities = env["mail.activity"].search_count(
        [("res_model", "=", "vstbpn.report"), ("res_id", "in", period.report_ids.ids)]
    )
    lines = env["vstbpn.report.value"].search_count([("period_id", "=", period.id)])
    reports = len(period.report_ids)
    out(f"     {reports} reports, {activities} activities, {lines} values")


# What an opening writes. Each run rolled back leaves its rows dead in these
# tables until autovacuum comes, and the next run (the opening or its
# baseline, whichever comes next) would scan and index around them: the third
# opening at national scale took 1.91x its baseline for that alone. Every run
# starts from the same state instead, vacuumed and analyzed, outside the time
# measured.
OPENED_TABLES = (
    "vstbpn_report_value",
    "vstbpn_report",
    "vstbpn_report_answer",
    "mail_activity",
    "mail_message",
    "mail_followers",
    "mail_followers_mail_message_subtype_rel",
)


def vacuum(registry, *tables):
    """VACUUM ANALYZE, which cannot run inside a transaction."""
    import odoo
    from odoo.tools import SQL

    with closing(odoo.sql_db.db_connect(registry.db_name).cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute(
            SQL("VACUUM ANALYZE %s", SQL(", ").join(map(SQL.identifier, tables)))
        )


def create_period(env, national, scale, year=2025):
    """The national period of the benchmark's template, ready to open."""
    return env["vstbpn.report.period"].create(
        {
            "name": f"Bench {scale:.0%}",
            "template_id": build_template(env).id,
            "committee_id": national.id,
            "date_from": f"{year}-01-01",
            "date_to": f"{year}-12-31",
            "deadline": "2099-12-15",
        }
    )


def set_up(registry, bench, scale, repeat, measure_opening=True):
    """The tree, the template and the period; opened (measured, ``repeat``
    times, with its baseline; once, without, unless ``measure_opening``)
    and filled."""
    communes = round(COMMUNES * scale)
    with transaction(registry, commit=True) as env:
        national, provinces = build_tree(env, communes)
        period = create_period(env, national, scale)
        ids = (period.id, national.id, provinces.ids)
    # repeated like the other steps, the last run committed
    if not measure_opening:
        repeat = 1
    for attempt in range(repeat):
        last = attempt == repeat - 1
        # the baseline takes turns with the opening, rolled back each time;
        # each starts from the same clean tables (see OPENED_TABLES)
        if measure_opening:
            vacuum(registry, *OPENED_TABLES)
            with (
                transaction(registry) as env,
                bench.step(env, OPEN_BASELINE, scale),
            ):
                baseline_opening(env, ids[0])
            vacuum(registry, *OPENED_TABLES)
        with transaction(registry, commit=last) as env:
            period = env["vstbpn.report.period"].browse(ids[0])
            units = len(period._vstbpn_request_child_committees())
            with bench.step(env, OPEN, scale, units=units):
                period.action_open()
            if last:
                describe_opening(env, period)
    fill_communes(registry, bench, scale, ids, repeat)
    return ids


def fill_communes(registry, bench, scale, ids, repeat):
    """Step 2, repeated like the others from the same clean tables; the last
    run committed."""
    for attempt in range(repeat):
        # what autovacuum would do: the runs rolled back left dead rows behind
        vacuum(registry, *OPENED_TABLES)
        with transaction(registry, commit=attempt == repeat - 1) as env:
            commune_ids = (
                env["vstbpn.committee"].search([("parent_id", "in", ids[2])]).ids
            )
            with bench.step(env, "2. fill commune values (SQL)", scale):
                env.cr.execute(FILL_SQL, (ids[0], commune_ids))
                env.cr.execute(ACCEPT_SQL, (ids[0], commune_ids))
                env.cr.execute("ANALYZE vstbpn_report_value")


def consolidate(env, period_id, national_id, province_ids):
    """Every province, then the nation, as the province officers would."""
    env["vstbpn.report"].search(
        [("period_id", "=", period_id), ("committee_id", "in", province_ids)]
    )._consolidate()
    env.flush_all()
    # the nation consolidates accepted provincial reports
    env.cr.execute(ACCEPT_SQL, (period_id, province_ids))
    env.invalidate_all()
    find_report(env, period_id, national_id)._consolidate()


def find_report(env, period_id, committee_id):
    return env["vstbpn.report"].search(
        [("period_id", "=", period_id), ("committee_id", "=", committee_id)]
    )


def detail_matrix(env, national_report):
    """The cells of the detail export, read beforehand for the xlsxwriter
    baseline: unit labels and, per indicator, its code and figures."""
    Xlsx = env["vstbpn.report.xlsx.consolidation"]
    columns = Xlsx._get_columns(national_report, detail=True)
    detail = national_report._get_detail_reports()
    matrix = []
    for value in national_report.value_ids.sorted("sequence"):
        figures = Xlsx._get_unit_figures(detail, value.indicator_id)
        row = []
        for committee, _label in columns[:-2]:
            row.extend(figures.get(committee.id, (0, 0, 0, 0))[:3])
        row.extend(
            [0, 0, 0, value.result_female, value.result_male, value.result_total]
        )
        matrix.append((value.indicator_id.code, row))
    return [label for _c, label in columns], matrix


def run_scale(registry, scale, repeat=3, steps=STEPS):
    """The steps named in ``steps`` (see ``STEPS``) at one scale."""
    out(
        f"\nScale {scale:.0%}: 1 national + {PROVINCES} provinces + "
        f"{round(COMMUNES * scale)} communes, {INDICATORS} indicators by sex"
    )
    bench = Bench()
    period_id, national_id, province_ids = set_up(
        registry, bench, scale, repeat, measure_opening="open" in steps
    )
    if "consolidate" in steps or "export" in steps:
        run_consolidation_steps(
            registry,
            bench,
            scale,
            (period_id, national_id, province_ids),
            repeat,
            export="export" in steps,
        )
    if "quality" in steps:
        run_quality_steps(registry, bench, scale, period_id, repeat)
    return bench.rows


def run_consolidation_steps(registry, bench, scale, ids, repeat, export=True):
    """Steps 3 and 4: the consolidation and the export, taking turns with
    their baselines."""
    period_id, national_id, province_ids = ids
    # Consolidation, export and their baselines are repeated too, each run in a
    # transaction of its own; the summary shows the median and the slowest run
    # of each, and holds the targets to the slowest. The last consolidation
    # stays for the export.
    for attempt in range(repeat):
        last = attempt == repeat - 1
        with (
            transaction(registry, commit=last) as env,
            bench.step(env, CONSOLIDATE, scale),
        ):
            consolidate(env, period_id, national_id, province_ids)
        with (
            transaction(registry) as env,
            bench.step(env, "   baseline: SQL GROUP BY", scale) as result,
        ):
            env.cr.execute(BASELINE_SQL, (period_id, province_ids))
            result["rows"] = len(env.cr.fetchall())
    if not export:
        return
    with transaction(registry) as env:
        national_report = find_report(env, period_id, national_id)
        total_value = national_report.value_ids[:1].result_total
        units, matrix = detail_matrix(env, national_report)
    # export and baseline take turns, so that both meet the same load on a
    # shared machine
    for _attempt in range(repeat):
        with transaction(registry) as env:
            national_report = find_report(env, period_id, national_id)
            with bench.step(env, EXPORT, scale) as result:
                content, _name = national_report._get_xlsx("detail")
                result["bytes"] = len(content)
            with bench.step(env, "   baseline: plain xlsxwriter", scale) as result:
                result["bytes"] = baseline_xlsx(units, matrix)
    cells = sum(len(row) for _code, row in matrix)
    out(
        f"     {cells:,} figure cells; national total of the first indicator: "
        f"{total_value:,.0f}"
    )


def run_quality_steps(registry, bench, scale, period_id, repeat):
    """Steps 5 and 6: the rules, taking turns with their two SQL baselines
    (the checks alone, the checks storing the same violations), and the
    outliers; every run rolls back, but one evaluation that stays for 5b."""
    with transaction(registry, commit=True) as env:
        build_rules(env, period_id)
    with transaction(registry) as env:
        checks = baseline_rules_sql(env, period_id)
        store = baseline_store_sql(period_id, checks)
    vacuum(registry, "vstbpn_report_value", "vstbpn_report")
    for step in (RULES, RULES_AGAIN):
        if step == RULES_AGAIN:
            with transaction(registry, commit=True) as env:
                evaluate_rules(env, period_id)
            vacuum(registry, "vstbpn_report_violation")
        for _attempt in range(repeat):
            with transaction(registry) as env:
                with bench.step(env, step, scale):
                    evaluate_rules(env, period_id)
                bench.rows[-1]["violations"] = count_violations(env, period_id)
            with (
                transaction(registry) as env,
                bench.step(env, f"   {RULES_BASELINE}", scale) as result,
            ):
                env.cr.execute(checks)
                result["violations"] = len(env.cr.fetchall())
            # on 5b the violations stored are deleted and inserted again
            store_step = (
                RULES_STORE_BASELINE if step == RULES else RULES_REPLACE_BASELINE
            )
            with (
                transaction(registry) as env,
                bench.step(env, f"   {store_step}", scale) as result,
            ):
                for statement in store:
                    env.cr.execute(statement)
                result["violations"] = env.cr.rowcount
    for _attempt in range(repeat):
        with transaction(registry) as env, bench.step(env, OUTLIERS, scale) as result:
            result["flags"] = flag_outliers(env, period_id)
    found = {row["step"].strip(): row for row in bench.rows if row["scale"] == scale}
    out(
        f"     {found[RULES]['violations']:,} violations stored "
        f"(baselines: {found[RULES_BASELINE]['violations']:,} found, "
        f"{found[RULES_STORE_BASELINE]['violations']:,} stored); "
        f"{found[OUTLIERS]['flags']:,} figures flagged as outliers"
    )


@contextmanager
def scratch_database(template, scale):
    """A copy of the installed database for one scale, dropped afterwards: the
    steps commit, as they do in Odoo, and the scales must not see each other's
    rows."""
    import odoo
    from odoo.tools import SQL

    name = f"{template}_{round(scale * 100)}"

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


def main():
    def add_steps(parser):
        parser.add_argument(
            "--steps",
            default=",".join(STEPS),
            help="the steps to measure, among %(default)s; the period is always "
            "opened (once, without its baseline, when open is not named); the "
            "export needs the consolidation. --steps quality: the rules and the "
            "outliers alone",
        )

    def check_steps(parser, args):
        args.steps = {step.strip() for step in args.steps.split(",") if step.strip()}
        if args.steps - set(STEPS):
            unknown = ", ".join(sorted(args.steps - set(STEPS)))
            parser.error(f"unknown steps: {unknown}")

    results = run_scales(
        __doc__,
        lambda registry, scale, args: run_scale(
            registry, scale, args.repeat, args.steps
        ),
        add_steps,
        check_steps,
    )
    summarize([row for rows in results for row in rows])


def run_scales(doc, run_one_scale, add_arguments=None, check_arguments=None):
    """The command line the suite's benchmarks share: ``--scales``,
    ``--repeat`` (and what ``add_arguments(parser)`` adds), the rest being
    Odoo's options; ``run_one_scale(registry, scale, args)`` on a scratch copy
    of the database per scale. Returns its results, scale after scale."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--scales", default="0.1,1")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of each measured step and its baseline; the slowest counts",
    )
    if add_arguments:
        add_arguments(parser)
    args, odoo_args = parser.parse_known_args()
    if check_arguments:
        check_arguments(parser, args)

    import odoo
    from odoo.tools import config

    config.parse_config(odoo_args)
    odoo.netsvc.init_logger()
    results = []
    for scale in (float(s) for s in args.scales.split(",")):
        with scratch_database(config["db_name"], scale) as registry:
            results.append(run_one_scale(registry, scale, args))
    return results


def print_table(rows):
    """The steps' table, scales side by side: of each repeated step the median
    and the slowest run, so that a plan that degrades from one repetition to
    the next shows. Returns the slowest runs ``{(scale, step): row}`` (each
    with all its ``runs``), which the targets are held to, and the scales."""
    runs = {}
    for row in rows:
        runs.setdefault((row["scale"], row["step"].strip()), []).append(row)
    by = {}
    for key, group in runs.items():
        by[key] = dict(max(group, key=lambda r: r["seconds"]), runs=group)
    scales = sorted({row["scale"] for row in rows})
    titles = " | ".join(f"{s:.0%}: median / slowest s, queries, MB" for s in scales)
    out(f"\n| step | {titles} |")
    out("|---|" + "---|" * len(scales))
    for step in dict.fromkeys(row["step"].strip() for row in rows):
        cells = []
        for scale in scales:
            row = by.get((scale, step))
            cells.append(
                f"{statistics.median(r['seconds'] for r in row['runs']):.2f} / "
                f"{row['seconds']:.2f} s, {row['queries']}, {row['mb']:.0f}"
                if row
                else "-"
            )
        out(f"| {step} | " + " | ".join(cells) + " |")
    return by, scales


def summarize(rows):
    by, scales = print_table(rows)
    out("\nTargets:")
    for scale in scales:
        targets = [
            target(by, scale)
            for target in (
                consolidation_target,
                export_target,
                opening_target,
                rules_target,
            )
        ]
        for line in filter(None, targets):
            out(f"  {scale:.0%}: {line}")
    if len(scales) > 1 and all((s, CONSOLIDATE) in by for s in scales):
        counts = [by[(s, CONSOLIDATE)]["queries"] for s in scales]
        same = "same" if len(set(counts)) == 1 else "DIFFERENT"
        out(f"  consolidation queries per scale: {counts} ({same})")
    if len(scales) > 1:
        out(opening_growth(by, scales))


def opening_growth(by, scales):
    """How the opening's time and queries grow from the smallest scale to the
    largest: the time of the slowest run of each scale, the queries of every
    run, and their growth between the runs that cost least (the first run of
    a scale fills the ORM's caches). Only the ORM's batches, which insert and
    update 100 rows a statement, may grow."""
    small, large = by[(scales[0], OPEN)], by[(scales[-1], OPEN)]
    counts = [[run["queries"] for run in by[(s, OPEN)]["runs"]] for s in scales]
    units = large["units"] - small["units"]
    extra = min(counts[-1]) - min(counts[0])
    return (
        f"  opening: {large['seconds'] / small['seconds']:.1f}x the time for "
        f"{large['units'] / small['units']:.1f}x the units; queries of each run "
        f"per scale: {counts}, {extra:+d} for {units:+d} units "
        f"({100 * extra / units:.1f} per 100 units)"
    )


def consolidation_target(by, scale):
    if (scale, CONSOLIDATE) not in by:
        return None
    cons = by[(scale, CONSOLIDATE)]["seconds"]
    ratio = cons / by[(scale, "baseline: SQL GROUP BY")]["seconds"]
    return f"consolidation {ratio:.1f}x SQL (target <= 3x)"


def export_target(by, scale):
    if (scale, EXPORT) not in by:
        return None
    xlsx = by[(scale, EXPORT)]
    ratio = xlsx["seconds"] / by[(scale, "baseline: plain xlsxwriter")]["seconds"]
    return (
        f"XLSX {ratio:.2f}x xlsxwriter (target <= 2x), "
        f"+{xlsx['mb']:.0f} MB (target < 100 MB)"
    )


def opening_target(by, scale):
    opening = by[(scale, OPEN)]
    ms_per_unit = opening["seconds"] / opening["units"] * 1000
    line = f"opening {opening['per_unit']:.2f} queries/unit, {ms_per_unit:.1f} ms/unit"
    baseline = by.get((scale, OPEN_BASELINE.strip()))
    if baseline:
        # each opening against the baseline run just before it
        ratios = [
            run["seconds"] / base["seconds"]
            for run, base in zip(opening["runs"], baseline["runs"], strict=False)
        ]
        line += (
            f", {max(ratios):.2f}x a plain INSERT ... SELECT of its rows in the "
            f"worst repetition (each: {', '.join(f'{r:.2f}x' for r in ratios)}; "
            "target <= 1.5x)"
        )
    return line


def rules_target(by, scale):
    if (scale, RULES) not in by:
        return None

    def ms(step):
        return by[(scale, step)]["seconds"] * 1000

    rules, again = by[(scale, RULES)], by[(scale, RULES_AGAIN)]
    checks = ms(RULES_BASELINE)
    store, replace = ms(RULES_STORE_BASELINE), ms(RULES_REPLACE_BASELINE)
    return (
        f"rules {ms(RULES):.0f} ms: {ms(RULES) / store:.2f}x SQL storing the same "
        f"violations ({store:.0f} ms), {ms(RULES) / checks:.2f}x SQL checks alone "
        f"({checks:.0f} ms); once stored {ms(RULES_AGAIN):.0f} ms: "
        f"{ms(RULES_AGAIN) / replace:.2f}x SQL replacing them ({replace:.0f} ms), "
        f"{ms(RULES_AGAIN) / checks:.2f}x SQL checks alone (target <= 2x); "
        f"{rules['queries']} queries for {len(BENCH_RULES)} rules "
        f"({again['queries']} once stored)"
    )


if __name__ == "__main__":
    main()
