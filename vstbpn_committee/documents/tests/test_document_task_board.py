import io
from datetime import timedelta

from openpyxl import load_workbook

from odoo import Command
from odoo.tests import tagged

from .document_common import VstbpnDocumentCase


class VstbpnTaskBoardCase(VstbpnDocumentCase):
    """A directive of province P to districts A, B and commune A1 with two
    tasks: the first due ten days ago (A did it on time, B late, A1 not yet:
    overdue), the second due today in Viet Nam (open everywhere)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Board = cls.env["vstbpn.document.task.board"]

    def setUp(self):
        super().setUp()
        today = self.today()
        self.past, self.due_today = today - timedelta(days=10), today
        self.units = self.district_a | self.district_b | self.commune_a1
        self.directive = self._directive(self.units)
        self.task_past, self.task_today = self.directive.task_ids.sorted("sequence")
        self._close(self.district_a, self.task_past, self.past - timedelta(days=1))
        self._close(self.district_b, self.task_past, self.past + timedelta(days=2))

    def _directive(self, units, tasks=None):
        document = self._document(
            addressee_committee_ids=[Command.set(units.ids)], date=self.past
        )
        self.env["vstbpn.document.task"].create(
            tasks
            or [
                {
                    "document_id": document.id,
                    "sequence": 1,
                    "name": "Xây dựng kế hoạch Tháng hành động",
                    "deadline": self.past,
                },
                {
                    "document_id": document.id,
                    "sequence": 2,
                    "name": "Báo cáo sơ kết 6 tháng",
                    "deadline": self.due_today,
                },
            ]
        )
        document.action_issue()
        return document

    def _line(self, unit, task):
        return task.line_ids.filtered(lambda line: line.committee_id == unit)

    def _close(self, unit, task, day):
        self._line(unit, task)._vstbpn_trusted_write(
            {"state": "done", "date_done": day, "closed_by": "hand"}
        )

    def _board(self, user=None, **filters):
        Board = self.Board.with_user(user) if user else self.Board
        return Board._vstbpn_board_data(self.directive, **filters)

    @staticmethod
    def _statuses(board):
        """{(unit id, task sequence): status} of single-line cells."""
        sequences = {task["id"]: task["sequence"] for task in board["tasks"]}
        return {
            (row["unit_id"], sequences[task_id]): next(
                status
                for status in ("done_on_time", "done_late", "open", "overdue")
                if cell[status]
            )
            for row in board["rows"]
            for task_id, cell in row["cells"].items()
        }


@tagged("post_install", "-at_install")
class TestDocumentTaskBoard(VstbpnTaskBoardCase):
    """The issuer's board: each cell done on time, done late, open or overdue
    (on Viet Nam's date), counts and shares per unit and per task; a unit
    sees only its own rows; the home screen's counters."""

    def test_each_cell_says_where_the_unit_stands(self):
        board = self._board(self.officer_p)
        a, b, a1 = self.district_a.id, self.district_b.id, self.commune_a1.id
        self.assertEqual(
            self._statuses(board),
            {
                (a, 1): "done_on_time",
                (b, 1): "done_late",
                (a1, 1): "overdue",
                # due today in Viet Nam: not overdue yet
                (a, 2): "open",
                (b, 2): "open",
                (a1, 2): "open",
            },
        )

    def test_the_board_agrees_with_each_line(self):
        lines = self.directive.task_line_ids
        rows = self.Board.search([("document_id", "=", self.directive.id)])
        self.assertEqual(
            {row.line_id: row.status for row in rows},
            {
                line: line.with_context(tz="Asia/Ho_Chi_Minh").board_status
                for line in lines
            },
        )

    def test_counts_and_shares_per_unit_and_per_task(self):
        board = self._board(self.officer_p)
        self.assertEqual(
            [row["unit"] for row in board["rows"]],
            [
                "Province P / District A",
                "Province P / District A / Commune A1",
                "Province P / District B",
            ],
        )
        by_unit = {row["unit_id"]: row for row in board["rows"]}
        self.assertEqual(by_unit[self.district_a.id]["share"], 50.0)
        self.assertEqual(by_unit[self.commune_a1.id]["share"], 0.0)
        self.assertEqual(by_unit[self.commune_a1.id]["overdue"], 1)
        past, today = board["tasks"]
        self.assertEqual(past["name"], "Xây dựng kế hoạch Tháng hành động")
        self.assertEqual(board["task_totals"][past["id"]]["share"], 66.7)
        self.assertEqual(board["task_totals"][today["id"]]["share"], 0.0)
        totals = board["totals"]
        self.assertEqual(
            (totals["total"], totals["done"], totals["overdue"], totals["open"]),
            (6, 2, 1, 3),
        )
        self.assertEqual(totals["share"], 33.3)

    def test_filters_by_level_and_area(self):
        communes = self._board(self.officer_p, level=self.level_commune)
        self.assertEqual(
            [row["unit_id"] for row in communes["rows"]], self.commune_a1.ids
        )
        area = self._board(self.officer_p, area=self.district_a)
        self.assertEqual(
            {row["unit_id"] for row in area["rows"]},
            {self.district_a.id, self.commune_a1.id},
        )

    def test_a_unit_sees_its_subtree_never_a_sibling(self):
        seen_by_b = self._board(self.officer_b)
        self.assertEqual(
            [row["unit_id"] for row in seen_by_b["rows"]], self.district_b.ids
        )
        self.assertEqual(seen_by_b["totals"]["total"], 2)
        seen_by_a = self._board(self.officer_a)
        self.assertNotIn(
            self.district_b.id, [row["unit_id"] for row in seen_by_a["rows"]]
        )
        self.assertFalse(
            self.Board.with_user(self.officer_a).search(
                [("unit_id", "=", self.district_b.id)]
            )
        )

    def test_the_screen_shows_the_board_with_links_to_the_lines(self):
        action = self.directive.with_user(self.officer_p).action_open_task_board()
        screen = (
            self.env[action["res_model"]]
            .with_user(self.officer_p)
            .browse(action["res_id"])
        )
        overdue = self._line(self.commune_a1, self.task_past)
        self.assertIn(
            f"/odoo/vstbpn.document.task.line/{overdue.id}", screen.board_html
        )
        self.assertIn("o_vstbpn_board_overdue", screen.board_html)
        screen.area_id = self.district_b
        self.assertNotIn("Commune A1", screen.board_html)

    def test_the_home_screen_counts_overdue_issued_and_open_received(self):
        province = self.province.with_user(self.officer_p)
        self.assertEqual(province.task_overdue_issued_count, 1)
        lines = self.env["vstbpn.document.task.line"].search(
            province.action_open_overdue_issued_tasks()["domain"]
        )
        self.assertEqual(lines, self._line(self.commune_a1, self.task_past))
        district_a = self.district_a.with_user(self.officer_a)
        self.assertEqual(district_a.task_open_received_count, 1)
        received = self.env["vstbpn.document.task.line"].search(
            district_a.action_open_open_received_tasks()["domain"]
        )
        self.assertEqual(received, self._line(self.district_a, self.task_today))


@tagged("post_install", "-at_install")
class TestDocumentTaskBoardXlsx(VstbpnTaskBoardCase):
    """The XLSX of the board: the same table, Vietnamese headers."""

    def _sheet(self, user, lang="vi_VN", **filters):
        self.env["res.lang"]._activate_lang(lang)
        renderer = self.env["vstbpn.document.task.board.xlsx"].with_user(user)
        content, filename = renderer.with_context(lang=lang)._get_xlsx(
            self.directive, **filters
        )
        self.assertTrue(filename.endswith(".xlsx"))
        return load_workbook(io.BytesIO(content)).worksheets[0]

    def test_the_workbook_holds_the_board_in_vietnamese(self):
        sheet = self._sheet(self.officer_p)
        header = [cell.value for cell in sheet[4]]
        self.assertEqual(header[:3], ["STT", "Đơn vị", "Cấp"])
        self.assertEqual(header[3], "1. Xây dựng kế hoạch Tháng hành động")
        self.assertIn("Quá hạn", header)
        self.assertEqual(header[-1], "Tỷ lệ hoàn thành (%)")
        rows = {row[1]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
        a1 = rows["Province P / District A / Commune A1"]
        self.assertEqual(a1[3:5], ("Quá hạn", "Đang mở"))
        self.assertEqual(a1[-1], 0)
        statuses = self.Board.with_context(lang="vi_VN")._vstbpn_status_labels()
        self.assertEqual(rows["Province P / District B"][3], statuses["done_late"])
        footer = rows["Tỷ lệ hoàn thành (%) theo nhiệm vụ"]
        self.assertEqual(footer[3:5], (66.7, 0))
        self.assertEqual(footer[-1], 33.3)

    def test_a_sibling_downloads_only_its_rows(self):
        sheet = self._sheet(self.officer_b)
        units = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]
        self.assertEqual(units[:-1], ["Province P / District B"])


@tagged("post_install", "-at_install")
class TestDocumentTaskBoardQueries(VstbpnDocumentCase):
    """The board's grouped read costs the same number of queries for 5 units
    as for 50."""

    def _directive_to(self, count):
        units = self.env["vstbpn.committee"].create(
            [
                {
                    "name": f"Board Commune {count}-{index}",
                    "code": f"T-BQ-{count}-{index}",
                    "level_id": self.level_commune.id,
                    "parent_id": self.district_a.id,
                }
                for index in range(count)
            ]
        )
        document = self._document(addressee_committee_ids=[Command.set(units.ids)])
        self.env["vstbpn.document.task"].create(
            [
                {
                    "document_id": document.id,
                    "sequence": sequence,
                    "name": f"Nhiệm vụ {sequence}",
                    "deadline": self.today() + timedelta(days=sequence - 4),
                }
                for sequence in range(1, 9)
            ]
        )
        document.action_issue()
        return document

    def _queries(self, document):
        """Queries of the board with a cold record cache; the user's rules
        and access rights, cached once per registry, are read beforehand."""
        Board = self.env["vstbpn.document.task.board"].with_user(self.officer_p)
        Board._vstbpn_board_data(document)
        self.env.invalidate_all()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        board = Board._vstbpn_board_data(document)
        return self.env.cr.sql_log_count - before, board

    def test_the_query_count_does_not_grow_with_the_units(self):
        small, small_board = self._queries(self._directive_to(5))
        large, large_board = self._queries(self._directive_to(50))
        self.assertEqual(len(small_board["rows"]), 5)
        self.assertEqual(len(large_board["rows"]), 50)
        self.assertEqual(large_board["totals"]["total"], 400)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 8)
