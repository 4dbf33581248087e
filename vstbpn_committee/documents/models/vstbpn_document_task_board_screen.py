from odoo import api, fields, models

from ...tools import window_action

BOARD_TEMPLATE = "vstbpn_committee.vstbpn_document_task_board_table"
STATUS_CLASSES = {
    "overdue": "text-bg-danger",
    "open": "text-bg-secondary",
    "done_late": "text-bg-warning",
    "done_on_time": "text-bg-success",
}


class VstbpnDocumentTaskBoardScreen(models.TransientModel):
    """The follow-up board of one document, on the screen: the units it
    addressed by its tasks, each cell done on time, done late, open or
    overdue and opening its follow-up line; counts and the share done per
    unit and per task. Narrowed by level and by area (a committee and the
    units below it); the pivot and the XLSX show the same table."""

    _name = "vstbpn.document.task.board.screen"
    _description = "Follow-up Board of a Document"

    document_id = fields.Many2one(
        "vstbpn.document", string="Document", required=True, ondelete="cascade"
    )
    level_id = fields.Many2one("vstbpn.committee.level", string="Level")
    area_id = fields.Many2one(
        "vstbpn.committee",
        string="Local Area",
        help="Only the units of this committee's subtree: a district and its "
        "communes, a province and its units.",
    )
    board_html = fields.Html(
        string="Board",
        compute="_compute_board_html",
        sanitize=False,
        readonly=True,
    )

    @api.depends("document_id")
    def _compute_display_name(self):
        for screen in self:
            screen.display_name = self.env._(
                "Follow-up Board: %(document)s",
                document=screen.document_id.display_name,
            )

    @api.depends("document_id", "level_id", "area_id")
    def _compute_board_html(self):
        for screen in self:
            screen.board_html = screen._vstbpn_render_board()

    def _vstbpn_board_data(self):
        return self.env["vstbpn.document.task.board"]._vstbpn_board_data(
            self.document_id, self.level_id, self.area_id
        )

    def _vstbpn_render_board(self):
        if not self.document_id:
            return False
        statuses = self.env["vstbpn.document.task.board"]._vstbpn_status_labels()
        return self.env["ir.qweb"]._render(
            BOARD_TEMPLATE,
            {
                "board": self._vstbpn_board_data(),
                "statuses": statuses,
                "status_classes": STATUS_CLASSES,
            },
        )

    # ACTIONS

    def action_download_xlsx(self):
        self.ensure_one()
        params = "&".join(
            f"{name}={record.id}"
            for name, record in (("level_id", self.level_id), ("area_id", self.area_id))
            if record
        )
        url = f"/vstbpn_committee/document/{self.document_id.id}/task_board.xlsx"
        return {
            "type": "ir.actions.act_url",
            "url": f"{url}?{params}" if params else url,
            "target": "download",
        }

    def action_open_pivot(self):
        self.ensure_one()
        return self.document_id.action_open_task_pivot()


class VstbpnDocument(models.Model):
    _inherit = "vstbpn.document"

    def action_open_task_board(self):
        """The follow-up board of the document, on a screen of its own."""
        self.ensure_one()
        screen = self.env["vstbpn.document.task.board.screen"].create(
            {"document_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-up Board"),
            "res_model": screen._name,
            "res_id": screen.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_open_task_pivot(self):
        """The same table in the pivot and the graph: by unit and task."""
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_document_task_board_action",
            [("document_id", "=", self.id)],
        )
