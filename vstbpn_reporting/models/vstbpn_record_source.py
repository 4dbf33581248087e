from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.vstbpn_committee.tools import window_action

from .vstbpn_figure_source import FigureSource

# A source that counts a committee's own records, kept in vstbpn_committee:
# the model, its method giving ``{committee id: (female, male, total)}`` for
# many committees and two dates in one grouped read, its method giving the
# domain of the records counted, the window action that lists them, and what
# both methods take of the indicator after the dates (its level, for one).
RecordSource = namedtuple(
    "RecordSource",
    "model figures domain action indicator_args",
    defaults=(lambda indicator: (),),
)
RECORD_SOURCES = {
    "committee_meeting": RecordSource(
        "calendar.event",
        "_vstbpn_meeting_figures",
        "_vstbpn_meeting_domain",
        "vstbpn_committee.calendar_event_vstbpn_action",
    ),
    "committee_document": RecordSource(
        "vstbpn.document",
        "_vstbpn_guidance_figures",
        "_vstbpn_guidance_domain",
        "vstbpn_committee.vstbpn_document_action_sent",
    ),
    "committee_training_course": RecordSource(
        "calendar.event",
        "_vstbpn_training_course_figures",
        "_vstbpn_training_domain",
        "vstbpn_committee.calendar_event_vstbpn_action",
    ),
    "committee_training": RecordSource(
        "calendar.event",
        "_vstbpn_training_figures",
        "_vstbpn_training_domain",
        "vstbpn_committee.calendar_event_vstbpn_action",
    ),
    "committee_training_level": RecordSource(
        "calendar.event",
        "_vstbpn_training_level_figures",
        "_vstbpn_training_level_domain",
        "vstbpn_committee.calendar_event_vstbpn_action",
        lambda indicator: (indicator.source_level_id,),
    ),
    "committee_inspection": RecordSource(
        "vstbpn.inspection",
        "_vstbpn_inspection_figures",
        "_vstbpn_carried_out_domain",
        "vstbpn_committee.vstbpn_inspection_action",
    ),
    "committee_recommendation": RecordSource(
        "vstbpn.inspection.recommendation",
        "_vstbpn_recommendation_figures",
        "_vstbpn_made_domain",
        "vstbpn_committee.vstbpn_inspection_recommendation_action",
    ),
    "committee_recommendation_done": RecordSource(
        "vstbpn.inspection.recommendation",
        "_vstbpn_followed_up_figures",
        "_vstbpn_followed_up_domain",
        "vstbpn_committee.vstbpn_inspection_recommendation_action",
    ),
    "committee_work_plan": RecordSource(
        "vstbpn.work.plan",
        "_vstbpn_adopted_figures",
        "_vstbpn_adopted_domain",
        "vstbpn_committee.vstbpn_work_plan_action",
    ),
    "committee_plan_budget": RecordSource(
        "vstbpn.work.plan",
        "_vstbpn_budget_estimate_figures",
        "_vstbpn_adopted_domain",
        "vstbpn_committee.vstbpn_work_plan_action",
    ),
    "committee_budget_spent": RecordSource(
        "vstbpn.work.plan.expense",
        "_vstbpn_spent_figures",
        "_vstbpn_spent_domain",
        "vstbpn_committee.vstbpn_work_plan_expense_action",
    ),
}
RECORD_SOURCE_LABELS = [
    ("committee_meeting", "Committee: regular and extraordinary meetings held"),
    ("committee_document", "Committee: guidance documents issued to the units below"),
    ("committee_training_course", "Committee: its own trainings held"),
    (
        "committee_training_level",
        "Committee: participants of one level in its own trainings",
    ),
    ("committee_inspection", "Committee: inspections carried out"),
    ("committee_recommendation", "Committee: recommendations made in inspections"),
    (
        "committee_recommendation_done",
        "Committee: recommendations followed up (accepted as done)",
    ),
    ("committee_work_plan", "Committee: work plan adopted"),
    ("committee_plan_budget", "Committee: budget estimated in the adopted work plan"),
    ("committee_budget_spent", "Committee: budget spent on its adopted work plan"),
]


class VstbpnIndicator(models.Model):
    _inherit = "vstbpn.indicator"

    source = fields.Selection(
        selection_add=RECORD_SOURCE_LABELS,
        ondelete=dict.fromkeys(
            (key for key, _label in RECORD_SOURCE_LABELS), "set null"
        ),
    )
    source_level_id = fields.Many2one(
        "vstbpn.committee.level",
        string="Participants' Level",
        ondelete="restrict",
        help="The level whose participants the indicator counts, for the "
        "source 'participants of one level'.",
    )

    @api.constrains("source", "source_level_id")
    def _check_source_level(self):
        for indicator in self:
            if indicator.source == "committee_training_level" and not (
                indicator.source_level_id
            ):
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s counts the participants of one "
                        "level: choose that level in Participants' Level.",
                        code=indicator.code,
                    )
                )

    def _line_figures(self, female, male, total):
        """The own figures of a line of this indicator from a unit's
        (female, male, total): by sex, or one number, or for a yes/no whether
        there is any."""
        self.ensure_one()
        if self.by_sex:
            return {"female": female, "male": male, "total": total}
        if self.value_type == "boolean":
            return {"yes": bool(total)}
        return {"number": total}


class VstbpnFigureSource(models.AbstractModel):
    """The committee's own records as sources of report figures: meetings,
    guidance documents, trainings, inspections and their recommendations, the
    adopted work plan and its budget. The counting queries belong to the
    rooms of vstbpn_committee that own the records (``RECORD_SOURCES``); each
    source here calls one for every unit of a period at once."""

    _inherit = "vstbpn.figure.source"

    def _sources(self):
        # Counted from records the suite validated as they were recorded
        # (minutes issued, documents issued, inspections concluded, plans
        # approved, participants checked line by line): not checked again as
        # typed figures are, which would read the lines 1,000 at a time.
        return super()._sources() | {
            key: FigureSource((key,), checked=False) for key in RECORD_SOURCES
        }

    @api.model
    def _figures_from_records(self, lines, key):
        """The figures of ``lines`` from the records of the source ``key``:
        one grouped read per indicator and period, whatever the number of
        units."""
        source = RECORD_SOURCES[key]
        figures_of = getattr(self.env[source.model], source.figures)
        figures = {}
        for (indicator, period), group in lines.grouped(
            lambda line: (line.indicator_id, line.period_id)
        ).items():
            by_committee = figures_of(
                group.committee_id,
                period.date_from,
                period.date_to,
                *source.indicator_args(indicator),
            )
            for line in group:
                figures[line.id] = indicator._line_figures(
                    *by_committee.get(line.committee_id.id, (0, 0, 0))
                )
        return figures

    @api.model
    def _counted_records_action(self, line):
        """The window action listing the records ``line``'s figure counts, or
        None when its source counts no records of the suite. The list shows
        them under the user's own record rules."""
        source = RECORD_SOURCES.get(line.indicator_id.source)
        if not source:
            return None
        period = line.report_id.period_id
        domain = getattr(self.env[source.model], source.domain)(
            line.committee_id,
            period.date_from,
            period.date_to,
            *source.indicator_args(line.indicator_id),
        )
        action = window_action(self.env, source.action, domain, {"create": False})
        action["name"] = line.indicator_id.display_name
        return action

    # SOURCES

    @api.model
    def _figures_committee_training(self, reports, lines):
        """The participants in the committees' own trainings held in the
        period, by sex."""
        return self._figures_from_records(lines, "committee_training")

    @api.model
    def _figures_committee_meeting(self, reports, lines):
        return self._figures_from_records(lines, "committee_meeting")

    @api.model
    def _figures_committee_document(self, reports, lines):
        return self._figures_from_records(lines, "committee_document")

    @api.model
    def _figures_committee_training_course(self, reports, lines):
        return self._figures_from_records(lines, "committee_training_course")

    @api.model
    def _figures_committee_training_level(self, reports, lines):
        return self._figures_from_records(lines, "committee_training_level")

    @api.model
    def _figures_committee_inspection(self, reports, lines):
        return self._figures_from_records(lines, "committee_inspection")

    @api.model
    def _figures_committee_recommendation(self, reports, lines):
        return self._figures_from_records(lines, "committee_recommendation")

    @api.model
    def _figures_committee_recommendation_done(self, reports, lines):
        return self._figures_from_records(lines, "committee_recommendation_done")

    @api.model
    def _figures_committee_work_plan(self, reports, lines):
        return self._figures_from_records(lines, "committee_work_plan")

    @api.model
    def _figures_committee_plan_budget(self, reports, lines):
        return self._figures_from_records(lines, "committee_plan_budget")

    @api.model
    def _figures_committee_budget_spent(self, reports, lines):
        return self._figures_from_records(lines, "committee_budget_spent")
