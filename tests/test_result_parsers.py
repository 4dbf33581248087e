"""The counting behind the final "N passed, N failed" line is honest."""

from junit_summary import summarize as summarize_junit
from odoo_log_summary import summarize as summarize_odoo_log

RESULT = "2026-01-01 00:00:00,000 1 INFO db odoo.tests.result: "


def test_odoo_log_counts_failures_and_errors():
    log = RESULT + "2 failed, 1 error(s) of 40 tests when loading database 'db'\n"
    assert summarize_odoo_log(log, 1) == (37, 3, 0)


def test_odoo_skips_are_not_passes():
    log = (
        "2026 1 INFO db odoo.addons.x.tests.test_ui: "
        "skipped TestUi.test_tour : no websocket\n"
        + RESULT
        + "0 failed, 0 error(s) of 5 tests when loading database 'db'\n"
    )
    assert summarize_odoo_log(log, 0) == (4, 0, 1)


def test_odoo_crash_before_summary_is_a_failure():
    assert summarize_odoo_log("Traceback (most recent call last):\n", 1) == (0, 1, 0)


def test_odoo_non_zero_exit_without_failed_test_is_a_failure():
    log = RESULT + "0 failed, 0 error(s) of 3 tests when loading database 'db'\n"
    assert summarize_odoo_log(log, 1) == (2, 1, 0)


def test_junit_counts(tmp_path):
    report = tmp_path / "r.xml"
    report.write_text(
        '<testsuites><testsuite tests="5" failures="1" errors="1" skipped="1"/>'
        "</testsuites>"
    )
    assert summarize_junit(str(report), 1) == (2, 2, 1)


def test_missing_junit_is_a_failure(tmp_path):
    assert summarize_junit(str(tmp_path / "none.xml"), 2) == (0, 1, 0)
