from datetime import date, timedelta

from odoo import Command

from odoo.addons.vstbpn_committee.tests.common import VstbpnCommitteeCase


class VstbpnReportingCase(VstbpnCommitteeCase):
    """The test tree of ``VstbpnCommitteeCase`` without its commune and its
    managers (province P above districts A and B, an officer of each, a
    member of A), and a template that asks for one indicator of each
    consolidation rule.
    """

    WITH_COMMUNE = False
    WITH_MANAGERS = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.province | cls.district_a | cls.district_b).invalidate_recordset()
        ref = cls.env.ref
        cls.ind_participants = ref(
            "vstbpn_reporting.indicator_act_training_participants"
        )
        cls.ind_meetings = ref("vstbpn_reporting.indicator_act_meetings")
        cls.ind_victims = ref("vstbpn_reporting.indicator_ns_dv_victims")
        cls.ind_supported = ref("vstbpn_reporting.indicator_ns_dv_supported")
        cls.ind_support_rate = ref("vstbpn_reporting.indicator_ns_dv_support_rate")
        cls.ind_council = ref("vstbpn_reporting.indicator_ns_council_women")
        cls.ind_council_women = ref(
            "vstbpn_reporting.indicator_ns_council_women_deputies"
        )
        cls.ind_deputies = ref("vstbpn_reporting.indicator_ns_council_deputies")
        # no shipped indicator is averaged any more: shares are ratios
        cls.ind_avg = cls.env["vstbpn.indicator"].create(
            {
                "code": "T-AVG",
                "name": "Hours per training course",
                "uom": "hours",
                "value_type": "decimal",
                "consolidation_rule": "avg",
            }
        )
        cls.ind_min = ref("vstbpn_reporting.indicator_ns_gbv_services_min")
        cls.ind_max = ref("vstbpn_reporting.indicator_ns_gbv_services_max")
        cls.ind_plan = ref("vstbpn_reporting.indicator_act_work_plan")
        cls.ind_text = ref("vstbpn_reporting.indicator_act_difficulties")
        # The tests type these figures: their sources (the unit's meetings,
        # trainings, work plan) stay off here, test_record_sources.py tests them.
        (cls.ind_participants | cls.ind_meetings | cls.ind_plan).source = False
        indicators = (
            cls.ind_participants
            | cls.ind_meetings
            | cls.ind_victims
            | cls.ind_supported
            | cls.ind_support_rate
            | cls.ind_council_women
            | cls.ind_deputies
            | cls.ind_council
            | cls.ind_avg
            | cls.ind_min
            | cls.ind_max
            | cls.ind_plan
            | cls.ind_text
        )
        cls.template = cls.env["vstbpn.report.template"].create(
            {
                "name": "Test semi-annual",
                "kind": "semi_annual",
                "line_ids": [
                    Command.create({"sequence": i, "indicator_id": indicator.id})
                    for i, indicator in enumerate(indicators)
                ],
                "section_ids": [
                    Command.create(
                        {
                            "sequence": 1,
                            "name": "Results",
                            "question": "What was done?",
                        }
                    ),
                    Command.create({"sequence": 2, "name": "Proposals"}),
                ],
            }
        )

    @classmethod
    def _create_period(cls, **values):
        vals = {
            "name": "Semi-annual 2017",
            "template_id": cls.template.id,
            "committee_id": cls.province.id,
            "date_from": date(2017, 1, 1),
            "date_to": date(2017, 6, 30),
        }
        vals.update(values)
        return cls.env["vstbpn.report.period"].create(vals)

    @classmethod
    def _open_period(cls, **values):
        period = cls._create_period(**values)
        period.action_open()
        return period

    @classmethod
    def _add_districts(cls, count, code_prefix):
        """``count`` more districts under the province, to measure growth."""
        return cls.env["vstbpn.committee"].create(
            [
                {
                    "name": f"District {i}",
                    "code": f"{code_prefix}{i}",
                    "level_id": cls.district_a.level_id.id,
                    "parent_id": cls.province.id,
                }
                for i in range(count)
            ]
        )

    @classmethod
    def _open_period_with_reports(cls):
        """An open period due in 10 days, and its reports of P, A and B."""
        cls.period = cls._open_period(deadline=date.today() + timedelta(days=10))
        cls.report_p = cls._report(cls.period, cls.province)
        cls.report_a = cls._report(cls.period, cls.district_a)
        cls.report_b = cls._report(cls.period, cls.district_b)

    @staticmethod
    def _report(period, committee):
        return period.report_ids.filtered(lambda r: r.committee_id == committee)

    @staticmethod
    def _value(report, indicator):
        return report.value_ids.filtered(lambda v: v.indicator_id == indicator)

    def _fill(self, report, figures):
        """figures: {indicator: vals to write on its value line}."""
        for indicator, vals in figures.items():
            self._value(report, indicator).write(vals)

    def _figure(self, number):
        """A bound as messages write it, in the test user's language."""
        return self.env["vstbpn.indicator"]._format_figure(number)
