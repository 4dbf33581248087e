"""Reports are now reminded by the daily job of every model with deadlines
(vstbpn_committee.ir_cron_process_deadlines): remove their own job, which a
noupdate record would otherwise keep running beside it."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref(
        "vstbpn_reporting.ir_cron_report_remind_escalate", raise_if_not_found=False
    )
    if cron:
        cron.unlink()
