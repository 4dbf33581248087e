from odoo.tests import tagged

from .common import VstbpnReportingCase

VIEWS = {
    "vstbpn.report": [
        "kanban",
        "list",
        "form",
        "calendar",
        "pivot",
        "graph",
        "search",
        "activity",
    ],
    "vstbpn.report.period": ["list", "kanban", "calendar", "form", "search"],
    "vstbpn.report.value": ["pivot", "graph", "list", "search"],
    "vstbpn.indicator": ["list", "form", "search"],
    "vstbpn.report.template": ["list", "form", "search"],
}


@tagged("post_install", "-at_install")
class TestViews(VstbpnReportingCase):
    def test_officer_loads_every_view_and_the_menus(self):
        for model, types in VIEWS.items():
            views = (
                self.env[model]
                .with_user(self.officer_a)
                .get_views([(False, view_type) for view_type in types])
            )
            self.assertEqual(set(views["views"]), set(types), model)
        menus = self.env["ir.ui.menu"].with_user(self.officer_a).load_menus(False)
        names = {menu["name"] for menu in menus.values() if isinstance(menu, dict)}
        self.assertIn("Reporting Periods", names)
        self.assertIn("My Reports to Submit", names)

    def test_officers_land_on_their_reports_to_submit(self):
        root = self.env.ref("vstbpn_committee.vstbpn_root_menu")
        self.assertEqual(
            root.action, self.env.ref("vstbpn_reporting.vstbpn_report_action_to_submit")
        )
        period = self._open_period()
        Report = self.env["vstbpn.report"].with_user(self.officer_a)
        to_submit = Report.search([("state", "=", "draft"), ("is_own_unit", "=", True)])
        self.assertEqual(to_submit, self._report(period, self.district_a))
        to_review = (
            self.env["vstbpn.report"]
            .with_user(self.officer_p)
            .search([("is_own_unit", "=", False)])
        )
        self.assertEqual(to_review.committee_id, self.district_a | self.district_b)
