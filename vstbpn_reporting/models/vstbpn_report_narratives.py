from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext, is_html_empty


class VstbpnReport(models.Model):
    """The units' narratives gathered into the report above, section by
    section, each quoted under its unit's name, for the officer to edit into
    the committee's own text (the ten-year review, an annual report)."""

    _inherit = "vstbpn.report"

    def action_gather_narratives(self):
        """Fill each section still empty with what the units right below
        wrote in it, in reports submitted or accepted; a section the officer
        has written is left as it is."""
        self.ensure_one()
        self.check_access("write")
        # a submitted or signed report is no longer the officer's draft
        self._vstbpn_check_editable()
        units = self._get_reports_to_consolidate(include_submitted=True)
        quotes = units._vstbpn_narratives_by_section()
        if not quotes:
            raise UserError(
                self.env._(
                    "No unit below %(committee)s has submitted a narrative for this "
                    "period yet: there is nothing to gather.",
                    committee=self.committee_id.name,
                )
            )
        filled = self.answer_ids.filtered(
            lambda answer: is_html_empty(answer.answer) and answer.section_id in quotes
        )
        for answer in filled:
            answer.answer = quotes[answer.section_id]
        self._vstbpn_post_note(self._vstbpn_gathered_note(filled, units))
        return True

    def _vstbpn_narratives_by_section(self):
        """{section: the units' answers, each under its unit's name}."""
        by_section = {}
        answers = self.answer_ids.filtered(
            lambda answer: html2plaintext(answer.answer or "").strip()
        )
        for answer in answers.sorted(lambda a: (a.sequence, a.committee_id.name)):
            by_section.setdefault(answer.section_id, []).append(
                # a plain block: the sanitizer would mark a blockquote as a
                # mail quote, which the web client folds away
                Markup("<p><strong>%s:</strong></p><div>%s</div>")
                % (answer.committee_id.name, answer.answer)
            )
        return {
            section: Markup("").join(parts) for section, parts in by_section.items()
        }

    def _vstbpn_gathered_note(self, filled, units):
        if not filled:
            return self.env._(
                "Every section already had its text: nothing was replaced. Empty a "
                "section to gather the units' narratives into it."
            )
        return self.env._(
            "The narratives of %(units)s were gathered into %(sections)s.",
            units=", ".join(units.committee_id.mapped("name")),
            sections=", ".join(filled.mapped("name")),
        )
