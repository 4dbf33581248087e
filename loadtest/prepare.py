"""The data of the deadline-rush load test (scripts/loadtest), in Odoo's interpreter.

    python loadtest/prepare.py build USERS.json --users N -d DB --addons-path=...
    python loadtest/prepare.py check USERS.json RECORD.json -d DB --addons-path=...

``build`` makes, in a database where the suite is installed, the national tree
of the benchmark (vstbpn_reporting/benchmark/run_benchmark.py: 1 national +
34 provincial + 3,321 commune committees, 100 sex-disaggregated indicators),
one officer per simulated committee (the provincial officers of the
benchmark, and commune officers spread over the provinces: N in all), all with
the password PASSWORD, and this year's period, opened (one report per
committee, deadline today). USERS.json tells the locustfile who is who.

``check`` compares the database after a run with RECORD.json, what the
simulated users saw the server accept: every figure equals what its user last
saved, every report was submitted as many times as its user's submissions
succeeded (once, or once more after each return), and every consolidation
holds exactly the reports its officer had accepted before it started. It
prints the problems and exits 1 when there are any.
"""

import argparse
import datetime
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "vstbpn_reporting" / "benchmark"))

import run_benchmark as bench

PASSWORD = "vstbpn-load"


def province_users(users):
    """How many of USERS simulated users are provincial officers (scripts/loadtest
    says the same): a tenth, at least 1, at most one per province."""
    return min(max(users // 10, 1), bench.PROVINCES)


def environment(registry):
    import odoo

    cr = registry.cursor()
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "Asia/Ho_Chi_Minh"})


def pick_communes(communes, provinces, count):
    """COUNT communes, taken in turn from each province."""
    by_province = defaultdict(list)
    for commune in communes.sorted("code"):
        by_province[commune.parent_id.id].append(commune)
    picked, turn = [], 0
    while len(picked) < count:
        pool = by_province[provinces[turn % len(provinces)].id]
        if pool:
            picked.append(pool.pop(0))
        turn += 1
    return picked


def build(env, output, users):
    out = bench.out
    out(f"Building the national tree ({bench.COMMUNES} communes)...")
    national, provinces = bench.build_tree(env, bench.COMMUNES)
    template = bench.build_template(env)
    communes = env["vstbpn.committee"].search([("parent_id", "in", provinces.ids)])
    picked = pick_communes(communes, provinces, users - province_users(users))
    out(f"Creating {len(picked)} commune officers...")
    officer = env.ref("vstbpn_committee.group_officer")
    Users = env["res.users"].with_context(
        no_reset_password=True, tracking_disable=True, mail_create_nolog=True
    )
    Users.create(
        [
            {
                "name": f"Officer {commune.code}",
                "login": f"load_{commune.code.lower()}",
                "lang": "vi_VN",
                "tz": "Asia/Ho_Chi_Minh",
                "groups_id": [(6, 0, [env.ref("base.group_user").id, officer.id])],
                "vstbpn_committee_ids": [(6, 0, commune.ids)],
            }
            for commune in picked
        ]
    )
    logins = [f"load_{c.code.lower()}" for c in picked] + [
        f"bench_{p.code.lower()}" for p in provinces
    ]
    # An e-mail address each, as real officers have: the chatter notes of
    # their actions are sent from it.
    env.cr.execute(
        """UPDATE res_partner p SET email = u.login || '@example.invalid'
             FROM res_users u WHERE u.partner_id = p.id AND u.login = ANY(%s)""",
        [logins],
    )
    # One hash for all: hashing 500 passwords one by one takes minutes.
    env.cr.execute(
        "UPDATE res_users SET password = %s WHERE login = ANY(%s)",
        [env["res.users"]._crypt_context().hash(PASSWORD), logins],
    )
    today = datetime.date.today()
    period = env["vstbpn.report.period"].create(
        {
            "name": f"Load test {today.year}",
            "template_id": template.id,
            "committee_id": national.id,
            "date_from": f"{today.year}-01-01",
            "date_to": f"{today.year}-12-31",
            "deadline": today.isoformat(),
        }
    )
    out("Opening the period...")
    period.action_open()
    env.flush_all()
    reports = {r.committee_id.id: r.id for r in period.report_ids}
    data = {
        "users": users,
        "password": PASSWORD,
        "period_id": period.id,
        "communes": [
            {
                "login": f"load_{c.code.lower()}",
                "committee_id": c.id,
                "report_id": reports[c.id],
                "province_id": c.parent_id.id,
            }
            for c in picked
        ],
        "provinces": [
            {
                "login": f"bench_{p.code.lower()}",
                "committee_id": p.id,
                "report_id": reports[p.id],
            }
            for p in provinces
        ],
    }
    Path(output).write_text(json.dumps(data, indent=1), encoding="utf-8")
    out(f"{len(reports)} reports; users in {output}")


def submitted_labels(env):
    """The 'Submitted' label of the report status in every installed language:
    tracking values store the label."""
    field = env["vstbpn.report"]._fields["state"]
    labels = set()
    for lang, _name in env["res.lang"].get_installed():
        selection = field._description_selection(env(context={"lang": lang}))
        labels.add(dict(selection)["submitted"])
    return sorted(labels)


def check(env, users, record):
    problems = []
    cr = env.cr
    # 1. every figure a user saved, as last saved
    values = record["values"]
    uncertain = set(record.get("uncertain", []))
    cr.execute(
        "SELECT id, female, male FROM vstbpn_report_value WHERE id = ANY(%s)",
        [[int(v) for v in values]],
    )
    stored = {str(row[0]): (row[1] or 0.0, row[2] or 0.0) for row in cr.fetchall()}
    checked_values = 0
    for value_id, (female, male) in values.items():
        if value_id in uncertain:
            continue
        checked_values += 1
        found = stored.get(value_id)
        if found is None:
            problems.append(f"value {value_id} is gone")
        elif abs(found[0] - female) > 1e-6 or abs(found[1] - male) > 1e-6:
            problems.append(
                f"value {value_id}: saved {female:g}/{male:g}, "
                f"stored {found[0]:g}/{found[1]:g}"
            )
    # 2. submissions: as many as succeeded for the users, no more, no fewer
    report_ids = [c["report_id"] for c in users["communes"]]
    cr.execute(
        """
        SELECT m.res_id, count(*)
          FROM mail_tracking_value t
          JOIN mail_message m ON m.id = t.mail_message_id
          JOIN ir_model_fields f ON f.id = t.field_id
         WHERE m.model = 'vstbpn.report' AND f.model = 'vstbpn.report'
           AND f.name = 'state' AND t.new_value_char = ANY(%s)
           AND m.res_id = ANY(%s)
      GROUP BY m.res_id
        """,
        [submitted_labels(env), report_ids],
    )
    in_database = dict(cr.fetchall())
    submits = {int(k): v for k, v in record["submits"].items()}
    uncertain_submits = set(record.get("uncertain_submits", []))
    for report_id in report_ids:
        if report_id in uncertain_submits:
            continue
        if in_database.get(report_id, 0) != submits.get(report_id, 0):
            problems.append(
                f"report {report_id}: submitted {in_database.get(report_id, 0)} "
                f"times, its user's submissions that succeeded: "
                f"{submits.get(report_id, 0)}"
            )
    # 3. consolidations: exactly the reports accepted before each started
    checked_consolidations = 0
    for report_id, accepted in record["consolidations"].items():
        checked_consolidations += 1
        cr.execute(
            "SELECT indicator_id, consolidated_female, consolidated_male,"
            " consolidated_total FROM vstbpn_report_value WHERE report_id = %s",
            [int(report_id)],
        )
        consolidated = {row[0]: row[1:] for row in cr.fetchall()}
        cr.execute(
            "SELECT indicator_id, sum(result_female), sum(result_male),"
            " sum(result_total) FROM vstbpn_report_value"
            " WHERE report_id = ANY(%s) GROUP BY indicator_id",
            [accepted],
        )
        expected = {row[0]: row[1:] for row in cr.fetchall()}
        cr.execute(
            "SELECT count(*) FROM vstbpn_report WHERE id = ANY(%s)"
            " AND state != 'accepted'",
            [accepted],
        )
        if cr.fetchone()[0]:
            problems.append(f"consolidation {report_id}: an accepted unit changed")
        for indicator, figures in expected.items():
            have = consolidated.get(indicator, (None, None, None))
            if any(
                h is None or abs(h - (e or 0.0)) > 1e-6
                for h, e in zip(have, figures, strict=True)
            ):
                problems.append(
                    f"consolidation of report {report_id}, indicator {indicator}: "
                    f"{have} instead of {figures} ({len(accepted)} units accepted)"
                )
                break
    result = {
        "values_checked": checked_values,
        "values_uncertain": len(uncertain),
        "reports_checked": len(report_ids) - len(uncertain_submits),
        "submissions": sum(in_database.values()),
        "consolidations_checked": checked_consolidations,
        "problems": problems,
    }
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["build", "check"])
    parser.add_argument("users_file")
    parser.add_argument("record_file", nargs="?")
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--result", help="check: write the result as JSON here")
    args, odoo_args = parser.parse_known_args()

    import odoo
    from odoo.tools import config

    config.parse_config(odoo_args)
    odoo.netsvc.init_logger()
    registry = odoo.modules.registry.Registry(config["db_name"])
    env = environment(registry)
    try:
        if args.command == "build":
            build(env, args.users_file, args.users)
            env.cr.commit()
            return 0
        users = json.loads(Path(args.users_file).read_text(encoding="utf-8"))
        record = json.loads(Path(args.record_file).read_text(encoding="utf-8"))
        result = check(env, users, record)
    finally:
        env.cr.close()
    if args.result:
        Path(args.result).write_text(json.dumps(result), encoding="utf-8")
    bench.out(
        f"Integrity: {result['values_checked']} figures, "
        f"{result['reports_checked']} reports ({result['submissions']} submissions), "
        f"{result['consolidations_checked']} consolidations checked: "
        f"{len(result['problems'])} lost or mixed up"
    )
    for problem in result["problems"][:30]:
        bench.out(f"  {problem}")
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
