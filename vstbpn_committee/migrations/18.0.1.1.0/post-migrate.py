"""18.0.1.1.0 added documents, work plans, meetings and inspections, each with
its demo story. On a database with the demo data, the upgrade created those
records but, as Odoo does for demo files on update, skipped their workflow
steps: play them, so the upgraded demo tells the story a fresh install tells.
It also named the demo company (base's record, which the update leaves alone)."""

from odoo import SUPERUSER_ID, api
from odoo.tools.convert import convert_file

from odoo.addons.vstbpn_committee.tools import replay_demo_functions

# in the manifest's order: the meetings' minutes take document numbers
DEMO_FILES_ADDED = (
    "documents/demo/vstbpn_document_demo.xml",
    "work_plans/demo/vstbpn_work_plan_demo.xml",
    "meetings/demo/calendar_event_demo.xml",
    "inspections/demo/vstbpn_inspection_demo.xml",
)


def name_the_demo_company(env):
    """The province's office instead of "YourCompany", as a fresh demo."""
    module = env["ir.module.module"].search([("name", "=", "vstbpn_committee")])
    if not module.demo:
        return
    convert_file(
        env,
        "vstbpn_committee",
        "core/demo/res_company_demo.xml",
        {},
        mode="init",
        noupdate=True,
        kind="demo",
    )


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for filename in DEMO_FILES_ADDED:
        replay_demo_functions(env, "vstbpn_committee", filename)
    name_the_demo_company(env)
