from odoo.tests import tagged

from .common import VstbpnReportingCase

# What the shipped data holds (see data/vstbpn_national_indicator_data.xml and
# docs/notes/issue17-official.md): no public copy of the circular's annexes
# was found, so nothing is marked confirmed and no official code is loaded.
SHIPPED_NATIONAL_INDICATORS = 6
CONFIRMED_NATIONAL_INDICATORS = 0
MAPPING = {
    "indicator_ns_council_women": "national_indicator_women_council",
    "indicator_ns_srb": "national_indicator_srb",
    "indicator_ns_dv_support_rate": "national_indicator_violence_support",
    "indicator_ns_women_leader_rate": "national_indicator_women_key_leaders",
}


@tagged("post_install", "-at_install")
class TestNationalIndicators(VstbpnReportingCase):
    """The official national set as shipped, its tie to the suite's
    indicators, the shipped targets, the demo's reports and the labels."""

    def test_the_set_loads_with_what_was_confirmed(self):
        National = self.env["vstbpn.national.indicator"]
        shipped = National.search([]).filtered(
            lambda n: n.get_external_id()[n.id].startswith("vstbpn_reporting.")
        )
        self.assertEqual(len(shipped), SHIPPED_NATIONAL_INDICATORS)
        self.assertEqual(
            len(shipped.filtered("confirmed")), CONFIRMED_NATIONAL_INDICATORS
        )
        for national in shipped:
            self.assertTrue(national.source_note, national.name)
            if not national.confirmed:
                self.assertIn("Chưa xác nhận", national.source_note, national.name)
        self.assertFalse(
            shipped.filtered("code"), "no official code that a source did not confirm"
        )

    def test_suite_indicators_tied_where_they_measure_the_same(self):
        ref = self.env.ref
        for indicator_xmlid, national_xmlid in MAPPING.items():
            self.assertEqual(
                ref(f"vstbpn_reporting.{indicator_xmlid}").national_indicator_id,
                ref(f"vstbpn_reporting.{national_xmlid}"),
            )
        tied = self.env["vstbpn.indicator"].search(
            [("national_indicator_id", "!=", False)]
        )
        self.assertEqual(len(tied), len(MAPPING))
        # a count of wage workers is not the official share of women among them
        self.assertFalse(
            ref("vstbpn_reporting.indicator_ns_wage_workers").national_indicator_id
        )
        self.assertFalse(self.ind_meetings.national_indicator_id)
        self.assertEqual(
            ref("vstbpn_reporting.national_indicator_women_council").indicator_ids,
            self.ind_council,
        )

    def test_shipped_targets_cite_their_text(self):
        ref = self.env.ref
        leaders = ref("vstbpn_reporting.indicator_ns_women_leader_rate")
        self.assertEqual(
            [(t.year, t.direction, t.target_value) for t in leaders.target_ids],
            [
                (2015, "at_least", 80),
                (2020, "at_least", 95),
                (2025, "at_least", 60),
                (2030, "at_least", 75),
            ],
        )
        self.assertEqual(
            [(t.year, t.target_value) for t in self.ind_support_rate.target_ids],
            [(2025, 80), (2030, 90)],
        )
        self.assertEqual(
            [(t.year, t.target_value) for t in self.ind_council.target_ids],
            [(2021, 35)],
        )
        shipped = self.env["vstbpn.indicator.target"].search(
            [("adopting_committee_id", "=", False)]
        )
        for target in shipped:
            self.assertTrue(target.source_document and target.source_text)
        self.assertIn("2351/QĐ-TTg", leaders.target_ids[0].source_document)
        self.assertIn("28/NQ-CP", leaders.target_ids[2].source_document)

    def test_demo_reports_show_targets_of_their_year(self):
        review = self.env.ref(
            "vstbpn_reporting.period_2017_review_demo", raise_if_not_found=False
        )
        if not review:
            self.skipTest("without demo data")
        ref = self.env.ref
        leaders = ref("vstbpn_reporting.indicator_ns_women_leader_rate")
        report_2017 = review.report_ids[:1]
        figures = {v.indicator_id: v for v in report_2017.value_ids}
        # 2017 is measured against the strategy of its time (2011-2020)
        self.assertEqual(figures[leaders].target_year, 2020)
        self.assertEqual(figures[leaders].target_value, 95)
        self.assertEqual(figures[self.ind_council].target_value, 35)
        current = ref("vstbpn_reporting.period_current_annual_demo")
        figures = {v.indicator_id: v for v in current.report_ids[:1].value_ids}
        self.assertEqual(figures[leaders].target_value, 75)
        self.assertEqual(figures[self.ind_support_rate].target_value, 90)
        # the demo's reports leave these figures empty: shown, not compared
        self.assertFalse(figures[leaders].target_status)

    def test_labels_in_vietnamese(self):
        def labels(model):
            fields = self.vi(self.env[model]).fields_get(
                attributes=["string", "selection"]
            )
            return fields

        national = labels("vstbpn.national.indicator")
        self.assertEqual(national["code"]["string"], "Mã số")
        self.assertEqual(national["name"]["string"], "Tên chỉ tiêu")
        self.assertEqual(national["disaggregation"]["string"], "Phân tổ chủ yếu")
        self.assertEqual(national["periodicity"]["string"], "Kỳ công bố")
        self.assertEqual(national["confirmed"]["string"], "Đã đối chiếu văn bản")
        target = labels("vstbpn.indicator.target")
        self.assertEqual(target["target_value"]["string"], "Mục tiêu")
        self.assertEqual(
            dict(target["direction"]["selection"]),
            {"at_least": "Tối thiểu", "at_most": "Tối đa"},
        )
        value = labels("vstbpn.report.value")
        self.assertEqual(value["target_gap"]["string"], "Chênh lệch")
        self.assertEqual(
            dict(value["target_status"]["selection"]),
            {"on_track": "Đạt", "behind": "Chưa đạt"},
        )
        indicator = labels("vstbpn.indicator")
        self.assertEqual(
            indicator["national_indicator_id"]["string"], "Chỉ tiêu quốc gia tương ứng"
        )

    def test_upgrade_ties_the_shipped_indicators(self):
        """The 18.0.1.3.0 migration writes the ties that an upgrade's data
        load skips (the shipped indicators are noupdate)."""
        import importlib.util

        from odoo.modules.module import get_module_path

        path = (
            f"{get_module_path('vstbpn_reporting')}"
            "/migrations/18.0.1.3.0/post-official.py"
        )
        spec = importlib.util.spec_from_file_location("post_official", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        self.ind_council.national_indicator_id = False
        self.ind_council.flush_recordset()
        migration.migrate(self.env.cr, "18.0.1.2.0")
        self.ind_council.invalidate_recordset()
        self.assertEqual(
            self.ind_council.national_indicator_id,
            self.env.ref("vstbpn_reporting.national_indicator_women_council"),
        )
        imd = self.env["ir.model.data"].search(
            [
                ("module", "=", "vstbpn_reporting"),
                ("name", "=", "indicator_ns_council_women"),
            ]
        )
        self.assertTrue(imd.noupdate, "the shipped indicator stays noupdate")
