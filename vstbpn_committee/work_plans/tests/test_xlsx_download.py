from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

ROUTE = "/vstbpn_committee/work_plan/overview.xlsx?year=2017"
# what the export refuses before a consolidation (as reporting words it)
REFUSAL = "Hãy tổng hợp báo cáo trước."


@tagged("post_install", "-at_install")
class TestXlsxDownloadOnReplica(HttpCase):
    """The XLSX routes are read-only, so with a replica they read from it. A
    replica a moment behind the primary must not refuse what the primary
    allows: a refusal read on a read-only cursor is asked again on the
    primary. (In tests, Odoo gives read-only routes a read-only cursor on the
    same database, which is what the replica is to the request.)"""

    def download(self, render):
        renderer = type(self.env["vstbpn.work.plan.overview.xlsx"])
        cursors = []

        def fake_render(model, year):
            cursors.append("read-only" if model.env.cr.readonly else "primary")
            return render(model, year)

        self.authenticate("admin", "admin")
        with patch.object(renderer, "_get_xlsx", fake_render, create=False):
            response = self.url_open(ROUTE)
        return response, cursors

    def test_a_refusal_of_a_lagging_replica_is_lifted_by_the_primary(self):
        def behind_on_the_replica(model, year):
            if model.env.cr.readonly:
                raise UserError(REFUSAL)
            return b"PK fake xlsx", f"ke-hoach-{year}.xlsx"

        response, cursors = self.download(behind_on_the_replica)
        self.assertEqual(cursors, ["read-only", "primary"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"PK fake xlsx")
        self.assertIn("ke-hoach-2017.xlsx", response.headers["Content-Disposition"])

    def test_a_refusal_the_primary_confirms_is_shown(self):
        def refused_everywhere(model, year):
            raise UserError(REFUSAL)

        response, cursors = self.download(refused_everywhere)
        self.assertEqual(cursors, ["read-only", "primary"])
        self.assertNotEqual(response.status_code, 200)
        self.assertIn(REFUSAL, response.text)


@tagged("post_install", "-at_install")
class TestXlsxRouteParameters(HttpCase):
    """A route called with a missing, non-numeric or unknown parameter
    answers 400 with a message in the user's language, never a server
    error."""

    def setUp(self):
        super().setUp()
        self.env.ref("base.user_admin").lang = "vi_VN"
        self.authenticate("admin", "admin")

    def assert_bad_request(self, url, words):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 400, url)
        self.assertIn(words, response.text, url)

    def test_overview_year(self):
        route = "/vstbpn_committee/work_plan/overview.xlsx"
        for url in (route, f"{route}?year=abc", f"{route}?year=99999"):
            with self.subTest(url=url):
                self.assert_bad_request(url, "không phải là một năm")

    def test_plan_id(self):
        for plan_id in (0, 99_999_999):
            with self.subTest(plan_id=plan_id):
                self.assert_bad_request(
                    f"/vstbpn_committee/work_plan/{plan_id}/budget.xlsx", "Không có"
                )
