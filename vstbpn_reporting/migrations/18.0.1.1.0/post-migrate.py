"""Reports are now reminded by the daily job of every model with deadlines
(vstbpn_committee.ir_cron_process_deadlines): remove their own job, which a
noupdate record would otherwise keep running beside it.

On a database with the demo data, the 2017 period gets its data-quality check,
a step this version added to the demo story (Odoo skips the ``<function>``
elements of demo files on update)."""

from odoo import SUPERUSER_ID, api

from odoo.addons.vstbpn_committee.tools import replay_demo_functions


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref(
        "vstbpn_reporting.ir_cron_report_remind_escalate", raise_if_not_found=False
    )
    if cron:
        cron.unlink()
    replay_demo_functions(
        env,
        "vstbpn_reporting",
        "demo/vstbpn_report_period_demo.xml",
        names={"action_check_quality"},
    )
