import importlib.util
import io
from datetime import date, timedelta

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import VstbpnReportingCase

MIGRATION = "vstbpn_reporting/migrations/18.0.1.3.0/%s-ratios.py"
# the shipped shares that were averaged before 18.0.1.3.0
RATIO_XMLIDS = (
    "indicator_ns_council_women",
    "indicator_ns_srb",
    "indicator_ns_gender_plan_rate",
)
OPERAND_XMLIDS = (
    "indicator_ns_council_women_deputies",
    "indicator_ns_council_deputies",
    "indicator_ns_births_boys",
    "indicator_ns_births_girls",
    "indicator_ns_gender_plans",
    "indicator_ns_plans",
)


def _migration(stage):
    """The migration script of ``stage`` (pre or post) as a module."""
    path = file_path(MIGRATION % stage)
    spec = importlib.util.spec_from_file_location(f"{stage}_ratios", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class WeightedRatioCase(VstbpnReportingCase):
    """Province P over districts A and B; communes A1 and A2 under A, B1
    under B; a template asking for the deputies and the births with their
    shares."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.ind_boys = ref("vstbpn_reporting.indicator_ns_births_boys")
        cls.ind_girls = ref("vstbpn_reporting.indicator_ns_births_girls")
        cls.ind_srb = ref("vstbpn_reporting.indicator_ns_srb")
        commune = ref("vstbpn_committee.level_commune")
        cls.commune_a1, cls.commune_a2, cls.commune_b1 = cls.Committee.create(
            [
                {
                    "name": name,
                    "code": f"T-R-{name[-2:]}",
                    "level_id": commune.id,
                    "parent_id": parent.id,
                }
                for name, parent in (
                    ("Ward A1", cls.district_a),
                    ("Commune A2", cls.district_a),
                    ("Commune B1", cls.district_b),
                )
            ]
        )
        cls.ratio_template = cls.env["vstbpn.report.template"].create(
            {
                "name": "Ratios",
                "line_ids": [
                    Command.create({"sequence": i, "indicator_id": indicator.id})
                    for i, indicator in enumerate(
                        cls.ind_council_women
                        | cls.ind_deputies
                        | cls.ind_council
                        | cls.ind_boys
                        | cls.ind_girls
                        | cls.ind_srb
                    )
                ],
            }
        )


@tagged("post_install", "-at_install")
class TestWeightedRatios(WeightedRatioCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls._open_period(
            name="Ratios 2017",
            template_id=cls.ratio_template.id,
            deadline=date.today() + timedelta(days=10),
        )
        cls.reports = {
            committee: cls._report(cls.period, committee)
            for committee in (
                cls.province,
                cls.district_a,
                cls.district_b,
                cls.commune_a1,
                cls.commune_a2,
                cls.commune_b1,
            )
        }

    def _type(self, committee, women, deputies, boys, girls):
        """What a unit types: its counts and the shares they give."""
        self._fill(
            self.reports[committee],
            {
                self.ind_council_women: {"value_number": women},
                self.ind_deputies: {"value_number": deputies},
                self.ind_council: {"value_number": round(100 * women / deputies, 2)},
                self.ind_boys: {"value_number": boys},
                self.ind_girls: {"value_number": girls},
                self.ind_srb: {"value_number": round(100 * boys / girls, 2)},
            },
        )

    def _accept(self, *committees):
        reports = self.env["vstbpn.report"].concat(
            *(self.reports[c] for c in committees)
        )
        reports.action_submit()
        reports.with_user(self.officer_p).action_accept()

    def _figure(self, committee, indicator):
        return self._value(self.reports[committee], indicator).result_number

    def _consolidate_tree(self):
        """Communes, then district A over them, then the province over A and B
        (B reports its own figures: its commune sends nothing this time)."""
        self._type(self.commune_a1, 6, 12, 110, 100)
        self._type(self.commune_a2, 8, 40, 230, 200)
        self._type(self.district_b, 9, 30, 52, 50)
        self._accept(self.commune_a1, self.commune_a2)
        self.reports[self.district_a].action_consolidate()
        self._accept(self.district_a, self.district_b)
        self.reports[self.province].with_user(self.officer_p).action_consolidate()

    def test_district_over_uneven_communes(self):
        """A ward of 12 deputies (6 women) and a commune of 40 (8 women) make
        14 / 52, not the average of 50 % and 20 %."""
        self._consolidate_tree()
        a = self.district_a
        self.assertEqual(self._figure(a, self.ind_council_women), 14)
        self.assertEqual(self._figure(a, self.ind_deputies), 52)
        self.assertEqual(self._figure(a, self.ind_council), round(100 * 14 / 52, 2))
        self.assertNotEqual(self._figure(a, self.ind_council), 35)

    def test_province_over_districts_over_communes(self):
        """Every level carries the counts: the province divides the sums of
        its districts' counts, whatever the shares they sent."""
        self._consolidate_tree()
        p = self.province
        self.assertEqual(self._figure(p, self.ind_council_women), 6 + 8 + 9)
        self.assertEqual(self._figure(p, self.ind_deputies), 12 + 40 + 30)
        self.assertEqual(self._figure(p, self.ind_council), 28.05)  # 23 / 82
        average_of_districts = round((100 * 14 / 52 + 30) / 2, 2)
        self.assertNotEqual(self._figure(p, self.ind_council), average_of_districts)

    def test_sex_ratio_at_birth_per_100_girls(self):
        self.assertEqual(self.ind_srb.ratio_factor, 100)
        self.assertEqual(self.ind_srb.value_type, "decimal")
        self._consolidate_tree()
        # 340 boys for 300 girls, not the average of 110 and 115
        self.assertEqual(self._figure(self.district_a, self.ind_srb), 113.33)
        # 392 boys for 350 girls
        self.assertEqual(self._figure(self.province, self.ind_srb), 112.0)

    def test_outputs_show_the_weighted_figure(self):
        """The consolidation XLSX (each unit's share, then the total) and the
        printed report show what consolidation wrote: 23 / 82, not an
        average of the districts' shares."""
        self._consolidate_tree()
        province = self.reports[self.province]
        sheet = load_workbook(
            io.BytesIO(province._get_xlsx("consolidation")[0])
        ).worksheets[0]
        row = next(row for row in sheet.iter_rows() if row[0].value == "NS-01")
        headers = [cell.value for cell in next(sheet.iter_rows(min_row=3))]
        total = headers.index("Total") + 2
        district_b = headers.index("District B") + 2
        self.assertEqual(row[total].value, 28.05)
        self.assertEqual(row[district_b].value, 30)
        Rows = self.env["vstbpn.report.rows"]
        printed = {
            row.indicator.code: Rows._get_printed_cells(row)["total"]
            for row in Rows._get_rows(province)
        }
        self.assertEqual(printed["NS-01"], "28,05")
        self.assertEqual(printed["NS-01b"], "82")

    def test_derived_checks_read_the_weighted_figure(self):
        """A shipped rule checking a share against its counts holds on the
        consolidated report: it reads the figure consolidation wrote."""
        self._consolidate_tree()
        rule = self.env["vstbpn.validation.rule"].create(
            {
                "name": "Share = women ÷ deputies",
                "left_expression": "[NS-01]",
                "operator": "eq",
                "right_expression": "[NS-01a] ÷ [NS-01b] × 100",
                "tolerance": 0.01,
                "importance": "error",
                "skip_policy": "any_zero",
                "template_ids": [Command.set(self.ratio_template.ids)],
            }
        )
        province = self.reports[self.province]
        province.action_check_quality()
        self.assertFalse(
            province.violation_ids.filtered(lambda v: v.rule_id == rule),
            "the consolidated share is the consolidated counts' quotient",
        )


@tagged("post_install", "-at_install")
class TestSharesAreNeverAveraged(VstbpnReportingCase):
    def setUp(self):
        super().setUp()
        admin = self.env.ref("base.user_admin")
        self.indicators = self.vi(self.env["vstbpn.indicator"].with_user(admin))

    def _create(self, **values):
        vals = {"code": "T-SHARE", "name": "Share", "value_type": "integer"}
        vals.update(values)
        return self.indicators.create(vals)

    def test_create_a_percentage_averaged_is_refused_in_vietnamese(self):
        for rule in ("avg", "sum"):
            with (
                self.subTest(rule=rule),
                self.assertRaisesText(ValidationError, "Σ") as caught,
            ):
                self._create(value_type="percentage", uom="%", consolidation_rule=rule)
            message = str(caught.exception)
            self.assertIn("T-SHARE", message)
            self.assertIn("không thể lấy trung bình", message)
            self.assertIn("Tỷ lệ giữa hai chỉ tiêu", message)

    def test_rates_per_100_are_shares_too(self):
        for uom in ("boys per 100 girls", "bé trai/100 bé gái", "‰", "per 1,000"):
            with (
                self.subTest(uom=uom),
                self.assertRaisesText(ValidationError, "không thể lấy trung bình"),
            ):
                self._create(value_type="decimal", uom=uom, consolidation_rule="avg")
        counted = self._create(
            value_type="decimal", uom="hours", consolidation_rule="avg"
        )
        self.assertEqual(counted.consolidation_rule, "avg", "a plain figure may")

    def test_write_a_shipped_share_to_average_is_refused(self):
        council = self.indicators.browse(self.ind_council.id)
        with self.assertRaisesText(ValidationError, "NS-01"):
            council.write({"consolidation_rule": "avg"})
        self.ind_council.invalidate_recordset()
        self.assertEqual(self.ind_council.consolidation_rule, "ratio")
        plain = self._create(
            uom="hours", consolidation_rule="avg", value_type="decimal"
        )
        with self.assertRaisesText(ValidationError, "không thể lấy trung bình"):
            plain.write({"value_type": "percentage"})
        with self.assertRaisesText(ValidationError, "không thể lấy trung bình"):
            plain.write({"uom": "%"})

    def test_minimum_and_maximum_of_shares_stay_allowed(self):
        for rule in ("min", "max"):
            share = self._create(
                code=f"T-{rule}", value_type="percentage", consolidation_rule=rule
            )
            self.assertEqual(share.consolidation_rule, rule)

    def test_ratio_factor_follows_the_kind_of_value(self):
        share = self._create(
            value_type="percentage",
            consolidation_rule="ratio",
            numerator_id=self.ind_supported.id,
            denominator_id=self.ind_victims.id,
        )
        self.assertEqual(share.ratio_factor, 100, "a percentage as before")
        quotient = self._create(
            code="T-Q",
            value_type="decimal",
            consolidation_rule="ratio",
            numerator_id=self.ind_supported.id,
            denominator_id=self.ind_victims.id,
        )
        self.assertEqual(quotient.ratio_factor, 1)
        with self.assertRaisesText(ValidationError, "hệ số"):
            quotient.write({"ratio_factor": 0})

    def test_shipped_shares_are_ratios(self):
        shares = (
            self.env["vstbpn.indicator"].search([]).filtered(lambda i: i._is_share())
        )
        self.assertIn(self.ind_council, shares)
        for share in shares:
            with self.subTest(code=share.code):
                self.assertIn(share.consolidation_rule, ("ratio", "min", "max"))


@tagged("post_install", "-at_install")
class TestRatioMigration(WeightedRatioCase):
    """The 18.0.1.3.0 migration on the state of 18.0.1.2.0: the three shares
    averaged, no counts, templates and reports without them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.xmlids = {
            name: cls.env.ref(f"vstbpn_reporting.{name}").id
            for name in RATIO_XMLIDS + OPERAND_XMLIDS
        }
        cls._back_to_the_old_state()
        cls.old_template = cls.env["vstbpn.report.template"].create(
            {
                "name": "Old review",
                "line_ids": [
                    Command.create(
                        {"sequence": 10, "indicator_id": cls.ind_meetings.id}
                    ),
                    Command.create(
                        {"sequence": 20, "indicator_id": cls.ind_council.id}
                    ),
                ],
            }
        )
        cls.closed = cls._old_period("Old closed", 2016, close=True)
        cls.open = cls._old_period("Old open", 2017, close=False)

    @classmethod
    def _back_to_the_old_state(cls):
        """What 18.0.1.2.0 held: the shares averaged, the six counts unknown
        (their report and template lines, xml ids and records gone)."""
        cr = cls.env.cr
        ratios = [cls.xmlids[name] for name in RATIO_XMLIDS]
        operands = [cls.xmlids[name] for name in OPERAND_XMLIDS]
        cls.env.flush_all()
        cr.execute(
            "UPDATE vstbpn_indicator SET consolidation_rule = 'avg', "
            "numerator_id = NULL, denominator_id = NULL WHERE id = ANY(%s)",
            [ratios],
        )
        cr.execute(
            "DELETE FROM vstbpn_report_value WHERE indicator_id = ANY(%s)",
            [operands],
        )
        cr.execute(
            "DELETE FROM vstbpn_report_template_line WHERE indicator_id = ANY(%s)",
            [operands],
        )
        cr.execute(
            "DELETE FROM ir_model_data WHERE model = 'vstbpn.indicator' "
            "AND res_id = ANY(%s)",
            [operands],
        )
        cr.execute("DELETE FROM vstbpn_indicator WHERE id = ANY(%s)", [operands])
        cls.env.invalidate_all()
        cls.env.registry.clear_cache()

    @classmethod
    def _old_period(cls, name, year, close):
        """District A accepted (50 %), district B accepted in the closed
        period and a draft in the open one (20 %), the province consolidated
        by the average."""
        period = cls._open_period(
            name=name,
            template_id=cls.old_template.id,
            date_from=date(year, 1, 1),
            date_to=date(year, 12, 31),
            deadline=date.today() + timedelta(days=10),
        )
        report_a = cls._report(period, cls.district_a)
        report_b = cls._report(period, cls.district_b)
        cls._value(report_a, cls.ind_council).value_number = 50
        cls._value(report_b, cls.ind_council).value_number = 20
        accepted = report_a | report_b if close else report_a
        accepted.action_submit()
        accepted.action_accept()
        province = cls._report(period, cls.province)
        province.action_consolidate()
        if close:
            province.action_submit()
            period.action_close()
        return period

    def _snapshot(self):
        values = self.env["vstbpn.report.value"].search(
            [("period_id", "in", (self.closed | self.open).ids)]
        )
        return {
            (value.report_id.id, value.indicator_id.id): tuple(
                value[fname]
                for fname in (
                    "value_number",
                    "consolidated_number",
                    "result_number",
                    "is_consolidated",
                )
            )
            for value in values
        }

    def _migrate(self):
        self.env.flush_all()
        _migration("pre").migrate(self.env.cr, "18.0.1.2.0")
        self.env.registry.clear_cache()
        _migration("post").migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()

    def _codes(self, report):
        return set(report.value_ids.mapped("indicator_code"))

    def test_old_state_averaged(self):
        province = self._report(self.closed, self.province)
        self.assertEqual(self._value(province, self.ind_council).result_number, 35)

    def test_reported_figures_stay_as_they_were(self):
        before = self._snapshot()
        self._migrate()
        after = self._snapshot()
        self.assertEqual({key: after[key] for key in before}, before)
        added = after.keys() - before.keys()
        drafts = self.open.report_ids.filtered(lambda r: r.state == "draft")
        self.assertEqual({report for report, _indicator in added}, set(drafts.ids))
        self.assertEqual(len(added), 2 * len(drafts), "the two counts of each")
        self.assertFalse(any(after[key][0] for key in added), "left empty")
        province = self._report(self.closed, self.province)
        self.assertEqual(self._value(province, self.ind_council).result_number, 35)

    def test_shares_become_ratios_of_their_counts(self):
        self._migrate()
        ref = self.env.ref
        for ratio, numerator, denominator in (
            ("council_women", "council_women_deputies", "council_deputies"),
            ("srb", "births_boys", "births_girls"),
            ("gender_plan_rate", "gender_plans", "plans"),
        ):
            indicator = ref(f"vstbpn_reporting.indicator_ns_{ratio}")
            with self.subTest(code=indicator.code):
                self.assertEqual(indicator.consolidation_rule, "ratio")
                self.assertEqual(
                    indicator.numerator_id,
                    ref(f"vstbpn_reporting.indicator_ns_{numerator}"),
                )
                self.assertEqual(
                    indicator.denominator_id,
                    ref(f"vstbpn_reporting.indicator_ns_{denominator}"),
                )
                self.assertEqual(indicator.ratio_factor, 100)

    def test_templates_get_the_counts_before_their_share(self):
        self._migrate()
        for template in (
            self.old_template,
            self.env.ref("vstbpn_reporting.template_review_gender_law"),
        ):
            lines = {
                line.indicator_id.code: line.sequence for line in template.line_ids
            }
            with self.subTest(template=template.name):
                self.assertEqual(lines["NS-01a"], lines["NS-01"] - 2)
                self.assertEqual(lines["NS-01b"], lines["NS-01"] - 1)
        annual = self.env.ref("vstbpn_reporting.template_annual")
        self.assertIn("NS-10b", annual.line_ids.indicator_id.mapped("code"))

    def test_only_drafts_of_open_periods_get_the_new_lines(self):
        self._migrate()
        counts = {"NS-01a", "NS-01b"}
        self.assertLessEqual(
            counts, self._codes(self._report(self.open, self.district_b))
        )
        self.assertLessEqual(
            counts, self._codes(self._report(self.open, self.province))
        )
        for report in (
            self._report(self.open, self.district_a),
            *self.closed.report_ids,
        ):
            with self.subTest(report=report.name, state=report.state):
                self.assertFalse(counts & self._codes(report), "kept as sent")

    def test_migration_runs_twice_without_harm(self):
        self._migrate()
        before = self._snapshot()
        lines = len(self.old_template.line_ids)
        self._migrate()
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(len(self.old_template.line_ids), lines)

    def _type_counts(self, report, women, deputies):
        ref = self.env.ref
        self._fill(
            report,
            {
                ref("vstbpn_reporting.indicator_ns_council_women_deputies"): {
                    "value_number": women
                },
                ref("vstbpn_reporting.indicator_ns_council_deputies"): {
                    "value_number": deputies
                },
            },
        )

    def test_open_period_consolidates_by_ratio_after_the_migration(self):
        """District B, still a draft, types its counts; district A sent its
        share without them before the upgrade: the province is told so, and
        once A is returned and sends its counts, the share is Σ / Σ."""
        self._migrate()
        report_a = self._report(self.open, self.district_a)
        report_b = self._report(self.open, self.district_b)
        province = self._report(self.open, self.province)
        self._type_counts(report_b, 8, 40)
        report_b.action_submit()
        report_b.with_user(self.officer_p).action_accept()
        with self.assertRaisesText(ValidationError, "District A") as caught:
            self.vi(province).action_consolidate()
        self.assertIn("NS-01b", str(caught.exception))
        self.assertIn("trả lại báo cáo", str(caught.exception))
        self.assertEqual(self._value(province, self.ind_council).result_number, 50)

        report_a.with_user(self.officer_p).action_return("Add the deputies")
        self.assertIn("NS-01b", self._codes(report_a), "the return adds the lines")
        self._type_counts(report_a, 6, 12)
        report_a.action_submit()
        report_a.with_user(self.officer_p).action_accept()
        province.action_consolidate()
        # 14 women among 52 deputies
        self.assertEqual(self._value(province, self.ind_council).result_number, 26.92)
