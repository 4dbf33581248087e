from datetime import date, timedelta

from odoo.tests import HttpCase, tagged

from .common import VstbpnReportingCase

# Succeeds once the condition (JavaScript) holds, fails after 20 s without it.
WAIT_UNTIL = """
    const start = Date.now();
    (function poll() {
        if (%s) {
            console.log('test successful');
        } else if (Date.now() - start > 20000) {
            console.error('not rendered: ' + %r);
        } else {
            setTimeout(poll, 100);
        }
    })();
"""


def wait_for(selector):
    """Succeeds once the screen shows an element matching ``selector``."""
    return WAIT_UNTIL % (f"document.querySelector({selector!r})", selector)


# Every figure of the report's lines shown, none with trailing zeros.
FIGURES = (
    "[...document.querySelectorAll('.o_field_vstbpn_figure')]"
    ".map(e => e.innerText.trim())"
)
FIGURES_WITHOUT_TRAILING_ZEROS = (
    f"{FIGURES}.includes('5') && !{FIGURES}.some(text => /[.,]0+$/.test(text))"
)


@tagged("post_install", "-at_install")
class TestUi(VstbpnReportingCase, HttpCase):
    """The web client renders the reports' screens without errors."""

    def test_report_screens_render(self):
        period = self._open_period(deadline=date.today() + timedelta(days=5))
        report = self._report(period, self.district_a)
        self._fill(report, {self.ind_participants: {"female": 3, "male": 2}})
        action = "/odoo/action-vstbpn_reporting"
        screens = [
            (f"{action}.vstbpn_report_action", ".o_kanban_record"),
            (
                f"{action}.vstbpn_report_action/{report.id}",
                ".o_field_one2many .o_data_row",
            ),
            (
                f"{action}.vstbpn_report_period_action/{period.id}",
                ".o_form_view .o_statusbar_status",
            ),
            (f"{action}.vstbpn_report_value_action", ".o_pivot"),
        ]
        province_screens = [
            (f"{action}.vstbpn_report_action?view_type=pivot", ".o_pivot"),
            (f"{action}.vstbpn_report_action?view_type=graph", ".o_graph_renderer"),
            (
                f"{action}.vstbpn_report_period_action?view_type=kanban",
                ".o_kanban_record",
            ),
        ]
        for user, urls in (
            (self.officer_a, screens),
            (self.officer_p, province_screens),
        ):
            for url, selector in urls:
                with self.subTest(url=url, user=user.login):
                    self.browser_js(
                        url, wait_for(selector), ready="odoo.isReady", login=user.login
                    )

    def test_figures_show_no_trailing_zeros(self):
        """3 women and 2 men read "3", "2", "5", not "3.00"; empty counts "0"."""
        period = self._open_period(deadline=date.today() + timedelta(days=5))
        report = self._report(period, self.district_a)
        self._fill(report, {self.ind_participants: {"female": 3, "male": 2}})
        condition = FIGURES_WITHOUT_TRAILING_ZEROS
        self.browser_js(
            f"/odoo/action-vstbpn_reporting.vstbpn_report_action/{report.id}",
            WAIT_UNTIL % (condition, "figures without trailing zeros"),
            ready="odoo.isReady",
            login=self.officer_a.login,
        )
