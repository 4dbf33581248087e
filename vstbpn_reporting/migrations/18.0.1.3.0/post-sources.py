"""Since 18.0.1.3.0 the committee's own records fill the activity figures
(issue 17): meetings, guidance documents, trainings and their participants,
inspections, the adopted work plan and what was spent on it. The shipped
indicators are data that an upgrade leaves alone: give those the units still
type their sources.

A figure a unit typed on a draft report before would be replaced by the next
fill: it becomes a correction of the records' figure, with a reason saying
so, and the unit decides whether to keep it."""

from odoo import SUPERUSER_ID, api

SOURCES = {
    "indicator_act_meetings": "committee_meeting",
    "indicator_act_documents": "committee_document",
    "indicator_act_trainings": "committee_training_course",
    "indicator_act_training_participants": "committee_training",
    "indicator_act_inspections": "committee_inspection",
    "indicator_act_work_plan": "committee_work_plan",
    "indicator_act_budget": "committee_budget_spent",
}
TYPED_BEFORE = (
    "Số liệu do đơn vị nhập trước khi hệ thống tự tổng hợp từ hồ sơ: "
    "kiểm tra lại và giữ, hoặc bỏ chọn Đã điều chỉnh để dùng số liệu từ hồ sơ."
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    indicators = env["vstbpn.indicator"]
    for xmlid, source in SOURCES.items():
        indicator = env.ref(f"vstbpn_reporting.{xmlid}", raise_if_not_found=False)
        if indicator and not indicator.source:
            indicator.source = source
            indicators |= indicator
    _keep_typed_figures(env, indicators)


def _keep_typed_figures(env, indicators):
    lines = env["vstbpn.report.value"].search(
        [
            ("indicator_id", "in", indicators.ids),
            ("report_id.state", "=", "draft"),
            ("is_corrected", "=", False),
            "|",
            "|",
            ("total", "!=", 0),
            ("value_number", "!=", 0),
            ("value_bool", "=", True),
        ]
    )
    lines.with_context(vstbpn_workflow=True).write(
        {"is_corrected": True, "correction_reason": TYPED_BEFORE}
    )
