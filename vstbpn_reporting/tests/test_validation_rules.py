import base64
import io

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.vstbpn_validation_expression import ExpressionError, evaluate, parse
from .common import VstbpnReportingCase

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestExpressionParser(VstbpnReportingCase):
    """The rules' own parser: what it reads, and what it refuses to read."""

    def test_precedence_parentheses_and_the_symbols_people_type(self):
        figures = {"A": 6.0, "B.female": 4.0, "FC-01.total": 10.0}
        cases = {
            "[A] + [B.female] × 2": 14.0,
            "([A] + [B.female]) * 2": 20.0,
            "[A] − [B.female] − 1": 1.0,
            "-[A] + 10": 4.0,
            "[B.female] ÷ [FC-01.total] × 100": 40.0,
            "[A] : 3": 2.0,
            "2,5 * 2": 5.0,
            "[ FC-01.total ] / 4": 2.5,
        }
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.assertEqual(evaluate(parse(text), figures), expected)
        self.assertEqual(
            parse("[A] + [B.female] / [A]").references(), ["A", "B.female"]
        )

    def test_missing_figure_or_division_by_a_zero_figure_is_not_evaluable(self):
        self.assertIsNone(evaluate(parse("[A] + 1"), {}))
        self.assertIsNone(evaluate(parse("[A] / [B]"), {"A": 1.0, "B": 0.0}))

    def test_syntax_errors_are_refused_with_their_kind(self):
        cases = {
            "": "empty",
            "[A] +": "unexpected_end",
            "([A] + 1": "unclosed_parenthesis",
            "[A] [B]": "unexpected_token",
            "[A] + )": "unexpected_token",
            "2 $ 3": "unexpected_character",
            "[A] + []": "empty_reference",
            "eval('1')": "unexpected_character",
            "(" * 50 + "1" + ")" * 50: "too_deep",
            "1" + " + 1" * 200: "too_long",
        }
        for text, kind in cases.items():
            with self.subTest(text=text), self.assertRaises(ExpressionError) as caught:
                parse(text)
            self.assertEqual(caught.exception.kind, kind)

    def test_division_by_zero_in_a_constant_expression_is_refused(self):
        for text in ("[A] / 0", "[A] / (2 - 2)", "1 / 0", "[A] ÷ (0 * 5)"):
            with self.subTest(text=text), self.assertRaises(ExpressionError) as caught:
                parse(text)
            self.assertEqual(caught.exception.kind, "division_by_zero")
        parse("0 / 2")
        parse("[A] / [B]")


@tagged("post_install", "-at_install")
class TestValidationRules(VstbpnReportingCase):
    """Rules are data: saved only when they make sense, evaluated in the
    database on save, upload, submission and consolidation, stored as
    violations that errors block and warnings must explain."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_period_with_reports()
        cls.user_admin = cls._new_user("t_vstbpn_admin", "admin", cls.province)

    @classmethod
    def _rule(cls, left, operator, right, **values):
        return cls.env["vstbpn.validation.rule"].create(
            {
                "name": f"{left} {operator} {right}",
                "left_expression": left,
                "operator": operator,
                "right_expression": right,
                "template_ids": [Command.set(cls.template.ids)],
                **values,
            }
        )

    def _violation(self, report, rule):
        return report.violation_ids.filtered(lambda v: v.rule_id == rule)

    def _save(self, report, figures, user=None):
        """Write figures as the form does: through the report."""
        report.with_user(user or self.officer_a).write(
            {
                "value_ids": [
                    Command.update(self._value(report, indicator).id, vals)
                    for indicator, vals in figures.items()
                ]
            }
        )

    # SAVING A RULE

    def test_rule_with_an_unknown_code_or_part_is_refused(self):
        cases = {
            "[XX-99]": "no indicator has the code XX-99",
            "[XX-99.female]": "no indicator has the code XX-99",
            "[ACT-04.women]": "“women” is not a part of a figure",
            "[ACT-01.female]": "ACT-01 is not reported by sex",
            "[ACT-11]": "ACT-11 holds texts",
            "[ACT-01] / (3 - 3)": "which is always zero",
            "[ACT-01] +": "it ends too early",
            "[ACT-01] & 2": "“&” at position 10 is not understood",
        }
        for left, message in cases.items():
            with (
                self.subTest(left=left),
                self.assertRaisesText(ValidationError, message),
            ):
                self._rule(left, "le", "100")

    def test_rule_names_the_side_that_is_wrong(self):
        with self.assertRaisesText(ValidationError, "right side"):
            self._rule("[ACT-01]", "le", "[ACT-04.sum]")

    def test_rule_is_checked_against_its_templates(self):
        other = self.env["vstbpn.report.template"].create(
            {
                "name": "Meetings only",
                "line_ids": [Command.create({"indicator_id": self.ind_meetings.id})],
            }
        )
        with self.assertRaisesText(ValidationError, "does not ask for ACT-04"):
            self._rule(
                "[ACT-01]",
                "le",
                "[ACT-04.total]",
                template_ids=[Command.set((self.template | other).ids)],
            )

    def test_tolerance_below_zero_and_unknown_placeholder_are_refused(self):
        with self.assertRaisesText(ValidationError, "cannot be below zero"):
            self._rule("[ACT-01]", "le", "10", tolerance=-1)
        with self.assertRaisesText(ValidationError, "{total}"):
            self._rule("[ACT-01]", "le", "10", message="{left} of {total}")

    def test_rule_lists_the_indicators_it_reads(self):
        rule = self._rule("[NS-05.total] / [NS-04.total] * 100", "le", "100")
        self.assertEqual(rule.indicator_ids, self.ind_supported | self.ind_victims)

    def test_seeded_rules_are_valid(self):
        rules = self.env["vstbpn.validation.rule"].search([])
        self.assertGreaterEqual(len(rules), 15)
        for rule in rules:
            rule._check_expressions()
        self.assertEqual(set(rules.mapped("importance")), {"error", "warning"})

    # EVALUATION

    def test_each_operator(self):
        rule = self._rule("[ACT-01]", "eq", "[ACT-04.total]")
        # (operator, meetings, participants, broken?)
        cases = [
            ("eq", 5, 5, False),
            ("eq", 5, 6, True),
            ("ne", 5, 6, False),
            ("ne", 5, 5, True),
            ("lt", 5, 6, False),
            ("lt", 6, 6, True),
            ("le", 6, 6, False),
            ("le", 7, 6, True),
            ("gt", 7, 6, False),
            ("gt", 6, 6, True),
            ("ge", 6, 6, False),
            ("ge", 5, 6, True),
        ]
        for operator, meetings, participants, broken in cases:
            with self.subTest(operator=operator, left=meetings, right=participants):
                rule.operator = operator
                self._save(
                    self.report_a,
                    {
                        self.ind_meetings: {"value_number": meetings},
                        self.ind_participants: {"female": participants, "male": 0},
                    },
                )
                violation = self._violation(self.report_a, rule)
                self.assertEqual(bool(violation), broken)
                if broken:
                    self.assertEqual(
                        (violation.left_value, violation.right_value),
                        (meetings, participants),
                    )

    def test_tolerance_for_rounded_ratios(self):
        rule = self._rule(
            "[NS-06.total]", "eq", "[NS-05.total] ÷ [NS-04.total] × 100", tolerance=0.5
        )
        self._fill(
            self.report_a,
            {
                self.ind_victims: {"female": 3, "male": 0},
                self.ind_supported: {"female": 1, "male": 0},
                self.ind_support_rate: {"female": 33, "male": 0},
            },
        )
        self.report_a._check_rules()
        self.assertFalse(self._violation(self.report_a, rule), "33 for 33.33")
        self._value(self.report_a, self.ind_support_rate).write({"female": 34})
        self.report_a._check_rules()
        self.assertAlmostEqual(
            self._violation(self.report_a, rule).right_value, 33.33, places=2
        )

    def test_division_by_a_zero_figure_leaves_the_rule_unchecked(self):
        rule = self._rule(
            "[NS-05.total] / [NS-04.total]", "le", "1", skip_policy="never"
        )
        self._fill(self.report_a, {self.ind_supported: {"female": 5, "male": 0}})
        self.report_a._check_rules()
        self.assertFalse(self._violation(self.report_a, rule))

    def test_skip_policies(self):
        rule = self._rule("[ACT-01]", "ge", "[ACT-04.total]")
        self._fill(self.report_a, {self.ind_participants: {"female": 3, "male": 0}})
        for policy, broken in (("all_zero", True), ("any_zero", False)):
            with self.subTest(policy=policy):
                rule.skip_policy = policy
                self.report_a._check_rules()
                self.assertEqual(bool(self._violation(self.report_a, rule)), broken)
        self._fill(
            self.report_a,
            {self.ind_participants: {"female": 0, "male": 0, "total": 0}},
        )
        for policy, broken in (("all_zero", False), ("never", False)):
            with self.subTest(policy=policy, figures="all zero"):
                rule.skip_policy = policy
                self.report_a._check_rules()
                self.assertEqual(bool(self._violation(self.report_a, rule)), broken)
        rule.write({"operator": "gt", "skip_policy": "never"})
        self.report_a._check_rules()
        self.assertTrue(self._violation(self.report_a, rule), "0 > 0 is checked")

    def test_only_the_rules_templates_are_checked(self):
        other = self.env["vstbpn.report.template"].create(
            {
                "name": "Meetings only",
                "line_ids": [Command.create({"indicator_id": self.ind_meetings.id})],
            }
        )
        rule = self._rule("[ACT-01]", "ge", "1", skip_policy="never")
        self.report_a._check_rules()
        self.assertTrue(self._violation(self.report_a, rule))
        rule.template_ids = other
        self.report_a._check_rules()
        self.assertFalse(self._violation(self.report_a, rule))
        rule.template_ids = False  # every template that asks for ACT-01
        self.report_a._check_rules()
        self.assertTrue(self._violation(self.report_a, rule))
        rule.active = False
        self.report_a._check_rules()
        self.assertFalse(self.report_a.violation_ids, "archived rules no longer hold")

    def test_message_with_the_figures(self):
        rule = self._rule(
            "[ACT-01]",
            "le",
            "[NS-01]",
            message="Meetings ({left}) above the share ({right})",
        )
        self._save(
            self.report_a,
            {
                self.ind_meetings: {"value_number": 1500},
                self.ind_council: {"value_number": 2.5},
            },
        )
        violation = self._violation(self.report_a, rule)
        vi = self.vi(self.env["vstbpn.indicator"])
        self.assertEqual(
            violation.message,
            f"Meetings ({self._figure(1500)}) above the share ({self._figure(2.5)})",
        )
        self.assertEqual(
            self.vi(violation).message,
            f"Meetings ({vi._format_figure(1500)}) above the share "
            f"({vi._format_figure(2.5)})",
        )
        rule.message = False
        self.assertEqual(
            violation.message,
            f"[ACT-01] = {self._figure(1500)}, [NS-01] = {self._figure(2.5)}: "
            "expected [ACT-01] ≤ [NS-01].",
        )

    def test_evaluation_runs_the_same_queries_for_more_reports(self):
        for index in range(3):
            self._rule("[ACT-01]", "ge", str(index + 1), skip_policy="never")
        self._add_districts(6, "T-R-")
        period = self._open_period(name="Bigger")
        Rule = self.env["vstbpn.validation.rule"]
        counts = []
        for reports in (self.period.report_ids, period.report_ids):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Rule._evaluate_reports(reports)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(len(period.report_ids), 9)
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 12)
        self.assertEqual(len(period.report_ids.violation_ids), 27)

    def _violation_writes(self):
        """Rows inserted, updated and deleted in the violations' table so
        far in this transaction."""
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_xact_user_tables "
            "WHERE relname = 'vstbpn_report_violation'"
        )
        return self.env.cr.fetchone() or (0, 0, 0)

    def test_checking_again_writes_only_what_changed(self):
        rule = self._rule("[ACT-01]", "ge", "3", skip_policy="never")
        other = self._rule("[ACT-01]", "le", "10", importance="warning")
        Rule = self.env["vstbpn.validation.rule"]
        reports = self.report_a | self.report_b
        self._fill(self.report_a, {self.ind_meetings: {"value_number": 1}})
        self.assertEqual(Rule._evaluate_reports(reports), reports)
        self._violation(self.report_a, rule).explanation = "Flood"
        writes = self._violation_writes()
        with self.subTest("nothing changed"):
            self.assertFalse(Rule._evaluate_reports(reports))
            self.assertEqual(self._violation_writes(), writes)
        with self.subTest("one figure changed: one row updated"):
            self._fill(self.report_a, {self.ind_meetings: {"value_number": 2}})
            self.assertEqual(Rule._evaluate_reports(reports), self.report_a)
            inserted, updated, deleted = self._violation_writes()
            self.assertEqual(
                (inserted, updated, deleted), (writes[0], writes[1] + 1, writes[2])
            )
            violation = self._violation(self.report_a, rule)
            self.assertEqual(
                (violation.left_value, violation.explanation), (2, "Flood")
            )
            self.assertEqual(self.report_a.error_count, 1)
        with self.subTest("a rule broken, another one kept: one in, one out"):
            writes = self._violation_writes()
            self._fill(self.report_a, {self.ind_meetings: {"value_number": 12}})
            self.assertEqual(Rule._evaluate_reports(reports), self.report_a)
            inserted, updated, deleted = self._violation_writes()
            self.assertEqual(
                (inserted, updated, deleted), (writes[0] + 1, writes[1], writes[2] + 1)
            )
            self.assertEqual(self.report_a.violation_ids.rule_id, other)
            self.assertEqual(
                (self.report_a.error_count, self.report_a.warning_count), (0, 1)
            )
        with self.subTest("the importance of a rule changed"):
            # the stored violations follow their rule at once
            rule.importance = "warning"
            other.importance = "error"
            self.assertFalse(Rule._evaluate_reports(reports))
            self.assertEqual(self.report_a.violation_ids.importance, "error")
            self.assertEqual(self.report_a.error_count, 1)
            self.assertEqual(self.report_b.violation_ids.importance, "warning")

    # IMPORTANCE

    def test_error_blocks_submission(self):
        self._rule(
            "[ACT-04.total]",
            "ge",
            "[ACT-01]",
            message="{right} meetings but {left} participants",
        )
        self._fill(self.report_a, {self.ind_meetings: {"value_number": 2}})
        with self.assertRaisesText(UserError, "2 meetings but 0 participants"):
            self.report_a.with_user(self.officer_a).action_submit()
        self.assertEqual(self.report_a.state, "draft")
        self._save(self.report_a, {self.ind_participants: {"female": 4, "male": 1}})
        self.assertFalse(self.report_a.violation_ids)
        self.report_a.with_user(self.officer_a).action_submit()
        self.assertEqual(self.report_a.state, "submitted")

    def test_warning_needs_an_explanation(self):
        self._rule("[ACT-01]", "ge", "1", importance="warning", skip_policy="never")
        with self.assertRaisesText(UserError, "warnings to explain"):
            self.report_a.with_user(self.officer_a).action_submit()
        # the refusal rolled back what the check stored with it; saving or
        # the form's Check Figures button stores it again
        self.report_a.with_user(self.officer_a).action_check_quality()
        violation = self.report_a.violation_ids
        self.assertEqual(violation.importance, "warning")
        violation.with_user(self.officer_a).explanation = "   "
        with self.assertRaisesText(UserError, "warnings to explain"):
            self.report_a.with_user(self.officer_a).action_submit()
        self.report_a.with_user(self.officer_a).write(
            {
                "violation_ids": [
                    Command.update(violation.id, {"explanation": "No quorum in June"})
                ]
            }
        )
        self.report_a.with_user(self.officer_a).action_submit()
        self.assertEqual(self.report_a.state, "submitted")
        self.assertEqual(self.report_a.violation_ids.explanation, "No quorum in June")

    def test_explanation_survives_a_new_check_while_the_rule_is_broken(self):
        rule = self._rule("[ACT-01]", "ge", "3", importance="warning")
        self._save(self.report_a, {self.ind_meetings: {"value_number": 1}})
        self._violation(self.report_a, rule).with_user(
            self.officer_a
        ).explanation = "ok"
        self._save(self.report_a, {self.ind_meetings: {"value_number": 2}})
        violation = self._violation(self.report_a, rule)
        self.assertEqual((violation.left_value, violation.explanation), (2, "ok"))
        self._save(self.report_a, {self.ind_meetings: {"value_number": 3}})
        self.assertFalse(self._violation(self.report_a, rule))

    # UPLOAD

    def _upload(self, report, rows):
        sheet = load_workbook(io.BytesIO(report._get_xlsx("filled")[0])).worksheets[0]
        for row in sheet.iter_rows():
            for column, value in rows.get(row[0].value, {}).items():
                row[column].value = value
        output = io.BytesIO()
        sheet.parent.save(output)
        wizard = (
            self.env["vstbpn.report.import"]
            .with_user(self.officer_a)
            .create(
                {
                    "report_id": report.id,
                    "file": base64.b64encode(output.getvalue()),
                    "filename": "form.xlsx",
                }
            )
        )
        return wizard.action_import()

    def test_upload_breaking_an_error_rule_imports_nothing(self):
        self._rule("[ACT-04.total]", "ge", "[ACT-01]", message="{right} > {left}")
        with self.assertRaisesText(UserError, "Nothing was imported"):
            self._upload(self.report_a, {"ACT-01": {6: 3}, "NS-04": {3: 7, 4: 1}})
        self.assertEqual(self._value(self.report_a, self.ind_meetings).value_number, 0)
        self.assertEqual(self._value(self.report_a, self.ind_victims).total, 0)
        self.assertFalse(self.report_a.violation_ids)

    def test_upload_with_a_warning_is_imported_and_the_warning_shown(self):
        rule = self._rule("[ACT-04.total]", "ge", "[ACT-01]", importance="warning")
        self._upload(self.report_a, {"ACT-01": {6: 3}})
        self.assertEqual(self._value(self.report_a, self.ind_meetings).value_number, 3)
        self.assertEqual(self.report_a.violation_ids.rule_id, rule)

    # CONSOLIDATION AND REVIEW

    def test_consolidated_report_names_the_units_that_break_the_rule(self):
        rule = self._rule("[ACT-04.total]", "ge", "[ACT-01]", importance="warning")
        self._fill(self.report_a, {self.ind_meetings: {"value_number": 5}})
        self._fill(
            self.report_b,
            {
                self.ind_meetings: {"value_number": 1},
                self.ind_participants: {"female": 2, "male": 0},
            },
        )
        self.report_a._check_rules()
        self.report_a.violation_ids.with_user(self.officer_a).explanation = "Online"
        self.report_a.with_user(self.officer_a).action_submit()
        self.report_b.with_user(self.officer_b).action_submit()
        (self.report_a | self.report_b).with_user(self.officer_p).action_accept()
        self.report_p.with_user(self.officer_p).action_consolidate()
        # 5 + 1 meetings, 0 + 2 participants
        violation = self._violation(self.report_p, rule)
        self.assertEqual((violation.left_value, violation.right_value), (2, 6))
        self.assertEqual(
            violation.with_user(self.officer_p).cause_committee_ids,
            self.district_a,
        )
        self.assertIn(
            "units breaking it too: District A",
            violation.with_user(self.officer_p)._describe(),
        )
        self.assertFalse(self._violation(self.report_b, rule))

    def test_return_with_the_violations_prefilled(self):
        self._rule(
            "[ACT-01]",
            "ge",
            "1",
            importance="warning",
            skip_policy="never",
            message="No meeting held",
        )
        self.report_a._check_rules()
        self.report_a.violation_ids.with_user(self.officer_a).explanation = "Flood"
        self.report_a.with_user(self.officer_a).action_submit()
        action = self.report_a.with_user(self.officer_p).action_open_return_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.officer_p)
            .with_context(**action["context"])
        )
        self.assertIn("- No meeting held", wizard.reason)
        self.assertIn("Explanation: Flood", wizard.reason)
        wizard.save().action_confirm()
        self.assertEqual(self.report_a.state, "draft")
        self.assertIn("No meeting held", self.report_a.return_reason)

    def test_return_without_findings_asks_for_a_reason(self):
        self.report_a.with_user(self.officer_a).action_submit()
        action = self.report_a.with_user(self.officer_p).action_open_return_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.officer_p)
            .with_context(**action["context"])
        )
        self.assertFalse(wizard.reason)

    def test_quality_view_per_unit_and_its_export(self):
        self._rule("[ACT-01]", "ge", "1", skip_policy="never")
        self._rule(
            "[ACT-04.total]", "ge", "1", importance="warning", skip_policy="never"
        )
        self._fill(self.report_b, {self.ind_meetings: {"value_number": 2}})
        self.period.with_user(self.officer_p).action_check_quality()
        Quality = self.env["vstbpn.report.quality"].with_user(self.officer_p)
        rows = Quality.search([("period_id", "=", self.period.id)])
        by_unit = {row.committee_id: row for row in rows}
        self.assertEqual(
            set(by_unit), {self.province, self.district_a, self.district_b}
        )
        row_a, row_b = by_unit[self.district_a], by_unit[self.district_b]
        self.assertEqual(
            (row_a.error_count, row_a.warning_count, row_a.quality_status),
            (1, 1, "error"),
        )
        self.assertEqual(
            (row_b.error_count, row_b.unexplained_warning_count, row_b.quality_status),
            (0, 1, "to_explain"),
        )
        self.assertEqual(row_a.submission_status, "pending")
        self.assertEqual(self.period.with_user(self.officer_p).quality_issue_count, 3)
        groups = Quality._read_group(
            [("period_id", "=", self.period.id)], ["quality_status"], ["__count"]
        )
        self.assertEqual(dict(groups), {"error": 2, "to_explain": 1})
        action = rows.action_export_xlsx()
        export = self.env["vstbpn.report.quality.export"].search([], limit=1)
        self.assertIn(f"/{export.id}/file/", action["url"])
        sheet = load_workbook(io.BytesIO(base64.b64decode(export.file))).worksheets[0]
        units = [row[0].value for row in sheet.iter_rows(min_row=4)]
        self.assertEqual(len(units), 3)
        self.assertIn("District A", units)

    # ACCESS

    def test_sibling_sees_nothing_of_another_units_violations(self):
        self._rule("[ACT-01]", "ge", "1", skip_policy="never")
        self.period.action_check_quality()
        violation_a = self.report_a.violation_ids
        self.assertTrue(violation_a)
        Violation = self.env["vstbpn.report.violation"].with_user(self.officer_b)
        self.assertEqual(Violation.search([]).report_id, self.report_b)
        with self.assertRaises(AccessError):
            violation_a.with_user(self.officer_b).read(["message"])
        with self.assertRaises(AccessError):
            violation_a.with_user(self.officer_b).write({"explanation": "x"})
        Quality = self.env["vstbpn.report.quality"].with_user(self.officer_b)
        self.assertEqual(Quality.search([]).committee_id, self.district_b)
        # the unit's member reads, the committee above reads but writes nothing
        self.assertTrue(violation_a.with_user(self.member_a).message)
        for user in (self.member_a, self.officer_p):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                violation_a.with_user(user).write({"explanation": "x"})

    def test_unit_writes_only_the_explanation_of_a_draft(self):
        self._rule("[ACT-01]", "ge", "1", importance="warning", skip_policy="never")
        self.report_a._check_rules()
        violation = self.report_a.violation_ids.with_user(self.officer_a)
        for vals in ({"left_value": 3}, {"importance": "error"}):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                violation.write(vals)
        with self.assertRaises(AccessError):
            self.env["vstbpn.report.violation"].with_user(self.officer_a).create(
                {"report_id": self.report_a.id, "rule_id": violation.rule_id.id}
            )
        violation.explanation = "Held online"
        self.report_a.with_user(self.officer_a).action_submit()
        with self.assertRaises(REFUSED):
            violation.explanation = "Changed"
        self.assertEqual(violation.explanation, "Held online")

    def test_only_administrators_manage_rules(self):
        rule = self._rule("[ACT-01]", "ge", "1")
        for user in (self.officer_a, self.member_a, self.officer_p):
            with self.subTest(user=user.login):
                self.assertEqual(rule.with_user(user).name, rule.name)
                with self.assertRaises(AccessError):
                    rule.with_user(user).write({"importance": "warning"})
                with self.assertRaises(AccessError):
                    self.env["vstbpn.validation.rule"].with_user(user).create(
                        {
                            "name": "Mine",
                            "left_expression": "1",
                            "right_expression": "1",
                        }
                    )
                with self.assertRaises(AccessError):
                    self.ind_meetings.with_user(user).outlier_jump_percent = 10
        rule.with_user(self.user_admin).importance = "warning"
        self.assertEqual(rule.importance, "warning")

    # VIEWS

    def test_officer_loads_the_quality_views_and_menus(self):
        views = {
            "vstbpn.report.quality": ["list", "pivot", "graph", "search"],
            "vstbpn.validation.rule": ["list", "form", "search"],
            "vstbpn.report": ["form"],
            "vstbpn.report.period": ["form"],
            "vstbpn.indicator": ["form"],
        }
        for model, types in views.items():
            with self.subTest(model=model):
                loaded = (
                    self.env[model]
                    .with_user(self.officer_a)
                    .get_views([(False, view_type) for view_type in types])
                )
                self.assertEqual(set(loaded["views"]), set(types))
        form = (
            self.env["vstbpn.report"]
            .with_user(self.officer_a)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="violation_ids"', form)
        self.assertIn('name="action_check_quality"', form)
        menus = self.env["ir.ui.menu"].with_user(self.officer_a).load_menus(False)
        names = {menu["name"] for menu in menus.values() if isinstance(menu, dict)}
        self.assertIn("Data Quality", names)

    # DEMO

    def test_the_returned_demo_report_carries_the_violation_behind_its_return(self):
        report = self.env.ref(
            "vstbpn_reporting.report_2017_pc_demo", raise_if_not_found=False
        )
        if not report:
            return  # installed without demo data
        rule = self.env.ref(
            "vstbpn_reporting.validation_rule_training_has_participants"
        )
        self.assertTrue(report.return_reason)
        violation = self._violation(report, rule)
        self.assertEqual((violation.left_value, violation.right_value), (0, 1))
        self.assertEqual(violation.importance, "error")
        flagged = self.env.ref("vstbpn_reporting.report_2017_qn_demo").flagged_value_ids
        self.assertEqual(flagged.indicator_id.code, "ACT-07")
