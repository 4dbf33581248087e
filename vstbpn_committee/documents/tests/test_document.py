from ast import literal_eval
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .document_common import VstbpnDocumentCase, printed_lines

CARRY_OUT = "vstbpn_committee.mail_activity_type_document_carry_out"


@tagged("post_install", "-at_install")
class TestDocumentIssue(VstbpnDocumentCase):
    """Drafting, issuing, cancelling an official document, and what is refused."""

    def assert_untouched(self, document):
        document.invalidate_recordset()
        self.assertEqual(document.state, "draft")
        self.assertFalse(document.document_number)
        self.assertFalse(document.recipient_ids)
        self.assertFalse(
            self.Counter.search([("committee_id", "=", document.committee_id.id)]),
            "no number was drawn",
        )

    def test_issuing_numbers_the_document_and_sends_it(self):
        deadline = fields.Date.today() + timedelta(days=18)
        document = self._document(
            user=self.officer_p,
            addressee_committee_ids=[(6, 0, (self.district_a | self.district_b).ids)],
            deadline=deadline,
        )
        self.assertFalse(document.document_number, "no number before issuing")
        self.assertIn(self.district_a.name, document.addressee_text)
        document.with_context(tracking_disable=False).action_issue()

        self.assertEqual(document.state, "issued")
        self.assertEqual(document.document_reference, "01/BVSTBPN")
        self.assertEqual(document.issued_user_id, self.officer_p)
        recipients = document.sudo().recipient_ids
        self.assertEqual(recipients.committee_id, self.district_a | self.district_b)
        activities = recipients.activity_ids
        self.assertEqual(
            set(activities.mapped("activity_type_id.id")),
            {self.env.ref(CARRY_OUT).id},
        )
        self.assertEqual(
            activities.user_id, self.officer_a | self.manager_a | self.officer_b
        )
        self.assertEqual(set(activities.mapped("date_deadline")), {deadline})
        message = document.message_ids.filtered("attachment_ids")[:1]
        self.assertEqual(message.attachment_ids, document.issued_file_id)
        self.assertEqual(document.issued_file_id.name, "01-BVSTBPN.html")
        self.assertIn(b"01/BVSTBPN", document.issued_file_id.raw)
        self.assertEqual(
            message.partner_ids,
            (self.officer_a | self.manager_a | self.officer_b).partner_id,
            "the addressees' officers are notified, not the issuer's",
        )
        self.assertEqual(
            (document.recipient_count, document.acknowledged_count), (2, 0)
        )

    def test_issuing_without_signer_addressees_or_text_is_refused(self):
        for values, reason in (
            ({"signer_name": False}, "no signer"),
            ({"signer_name": "   "}, "no signer"),
            (
                {"addressee_committee_ids": [(5,)], "addressee_text": False},
                "no addressee",
            ),
            ({"body": "<p><br></p>"}, "text is empty"),
            ({"body": False}, "text is empty"),
        ):
            with self.subTest(values=values):
                document = self._document(user=self.officer_p, **values)
                with self.assertRaises(UserError) as refused:
                    document.action_issue()
                self.assertIn(reason, str(refused.exception))
                self.assertIn("nothing was changed", str(refused.exception))
                self.assert_untouched(document)
                document.unlink()

    def test_every_problem_is_listed_at_once(self):
        document = self._document(
            signer_name=False, body=False, addressee_committee_ids=[(5,)]
        )
        document.addressee_text = False
        with self.assertRaises(UserError) as refused:
            document.action_issue()
        for reason in ("no signer", "no addressee", "text is empty"):
            self.assertIn(reason, str(refused.exception))

    def test_issued_document_cannot_be_changed_or_deleted(self):
        document = self._issued()
        for values in (
            {"subject": "khác"},
            {"body": "<p>Khác</p>"},
            {"document_number": 7},
            {"addressee_committee_ids": [(4, self.district_b.id)]},
        ):
            with self.subTest(values=values), self.assertRaises(UserError) as refused:
                document.with_user(self.officer_p).write(values)
            self.assertIn("can no longer be changed", str(refused.exception))
        with self.assertRaises(UserError):
            document.with_user(self.officer_p).unlink()
        with self.assertRaises(UserError):
            document.action_issue()
        self.assertEqual(document.document_reference, "01/BVSTBPN")
        document.with_user(self.officer_p).message_post(body="Bản ký đã lưu.")

    def test_draft_can_be_deleted(self):
        document = self._document(user=self.officer_p)
        document.unlink()
        self.assertFalse(document.exists())

    def test_addressee_outside_the_issuers_subtree_is_refused(self):
        """District A addresses only the committees below it: never its
        sibling, nor the province above, nor itself."""
        for target in (self.district_b, self.province, self.district_a):
            with self.subTest(target=target.name):
                with self.assertRaises(ValidationError) as refused:
                    self._document(
                        user=self.officer_a,
                        committee_id=self.district_a.id,
                        addressee_committee_ids=[(6, 0, target.ids)],
                    )
                self.assertIn("not below", str(refused.exception))
        document = self._document(
            user=self.officer_a,
            committee_id=self.district_a.id,
            addressee_committee_ids=[(6, 0, self.commune_a1.ids)],
        )
        with self.assertRaises(ValidationError):
            document.write({"addressee_committee_ids": [(4, self.district_b.id)]})
        self.assertEqual(document.addressee_committee_ids, self.commune_a1)

    def test_script_tags_are_stored_sanitised_and_printed_escaped(self):
        document = self._document(
            subject='<script>alert("x")</script>Kế hoạch <b>năm</b> 2026',
            body='<p>Nội dung</p><script>alert("y")</script>'
            '<p onclick="alert(1)">Tiếp</p>',
            distribution="<img src=x onerror=alert(2)>",
        )
        self.assertEqual(document.subject, "Kế hoạch năm 2026")
        self.assertNotIn("<script", document.body)
        self.assertNotIn("onclick", document.body)
        self.assertIn("Nội dung", document.body)
        document.action_issue()
        html = self._render(document)
        article = html[html.index('class="article"') :]
        self.assertNotIn("<script", article)
        self.assertNotIn("<img", article)
        self.assertIn("&lt;img src=x onerror=alert(2)&gt;", article)
        self.assertIn("V/v Kế hoạch năm 2026", printed_lines(html))

    def test_to_all_units_below(self):
        document = self._issued(addressee_committee_ids=[(5,)], to_all_units_below=True)
        self.assertEqual(
            document.recipient_ids.committee_id,
            self.district_a | self.district_b | self.commune_a1,
        )
        only_districts = self._issued(
            addressee_committee_ids=[(5,)],
            to_all_units_below=True,
            units_below_level_id=self.level_district.id,
        )
        self.assertEqual(
            only_districts.recipient_ids.committee_id,
            self.district_a | self.district_b,
        )
        # the commune without officers is asked through district A's officers
        commune = document.recipient_ids.filtered(
            lambda r: r.committee_id == self.commune_a1
        )
        self.assertEqual(commune.activity_ids.user_id, self.officer_a | self.manager_a)

    def test_issuing_to_ten_times_more_committees_takes_no_more_queries(self):
        """Acknowledgements and activities are created in batches: the number of
        queries does not grow with the number of addressees."""
        units = {}
        for size in (3, 30):
            district = self.Committee.create(
                {
                    "name": f"District of {size}",
                    "code": f"T-Q{size}",
                    "level_id": self.level_district.id,
                    "parent_id": self.province.id,
                }
            )
            self._new_user(f"t_officer_q{size}", "officer", district)
            units[size] = self.Committee.create(
                [
                    {
                        "name": f"Commune {size}-{index}",
                        "code": f"T-Q{size}-{index}",
                        "level_id": self.level_commune.id,
                        "parent_id": district.id,
                    }
                    for index in range(size)
                ]
            )
        self._issued(addressee_committee_ids=[(6, 0, units[3].ids)])  # warm-up
        queries = {}
        for size, communes in units.items():
            document = self._document(addressee_committee_ids=[(6, 0, communes.ids)])
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            document.action_issue()
            self.env.flush_all()
            queries[size] = self.env.cr.sql_log_count - before
            self.assertEqual(len(document.recipient_ids.activity_ids), size)
        self.assertLessEqual(queries[30], queries[3] + 3, queries)

    def test_to_all_units_below_of_a_unit_without_any_is_refused(self):
        document = self._document(
            committee_id=self.commune_a1.id,
            addressee_committee_ids=[(5,)],
            to_all_units_below=True,
        )
        self.commune_a1.document_symbol = "BVSTBPN"
        with self.assertRaises(UserError) as refused:
            document.action_issue()
        self.assertIn("has none", str(refused.exception))
        self.assert_untouched(document)

    def test_titled_document_prints_its_type_as_title(self):
        document = self._issued(
            document_type_id=self.type_plan.id,
            subject="Tổ chức Tháng hành động năm 2026",
            distribution="Như trên\nCác thành viên Ban",
        )
        self.assertEqual(document.document_reference, "01/KH-BVSTBPN")
        lines = printed_lines(self._render(document))
        printed = document.with_context(lang=document._vstbpn_document_lang())
        self.assertIn(printed.document_type_id.name.upper(), lines)  # KẾ HOẠCH
        self.assertIn("Tổ chức Tháng hành động năm 2026", lines)
        self.assertNotIn("V/v Tổ chức Tháng hành động năm 2026", lines)
        self.assertIn("Số: 01/KH-BVSTBPN", lines)
        self.assertEqual(
            lines[lines.index("Nơi nhận:") + 1 : lines.index("Nơi nhận:") + 4],
            ["- Như trên;", "- Các thành viên Ban;", "- Lưu: VT."],
        )

    def test_draft_prints_a_blank_number(self):
        lines = printed_lines(self._render(self._document()))
        self.assertIn("Số: /BVSTBPN", lines)

    def test_body_sections_keep_their_numbering_and_indentation(self):
        document = self._document(
            body="<ol><li>Mục đích<ol><li>Nâng cao nhận thức</li></ol></li>"
            "<li>Tổ chức thực hiện</li></ol>"
            '<p style="margin-left: 40px">a) Thụt lề</p>'
        )
        html = self._render(document)
        self.assertIn("<ol><li>Mục đích<ol><li>", html)
        self.assertIn("margin-left:40px", html)
        self.assertIn("list-style-type: decimal", html)

    # ACKNOWLEDGEMENT

    def test_addressee_officer_acknowledges(self):
        document = self._issued()
        mine = document.with_user(self.officer_a)
        self.assertTrue(mine.can_acknowledge)
        self.assertEqual(mine.search([("can_acknowledge", "=", True)]), document)
        self.assertTrue(mine.is_received)
        mine.action_acknowledge()
        recipient = document.recipient_ids
        self.assertEqual(recipient.date_acknowledged, self.today())
        self.assertEqual(recipient.acknowledged_user_id, self.officer_a)
        self.assertTrue(recipient.is_acknowledged)
        self.assertFalse(recipient.activity_ids, "the activity is done")
        self.assertEqual(recipient.submission_status, "on_time")
        self.assertIn("Acknowledged by", document.message_ids[0].body)
        self.assertEqual(document.acknowledged_count, 1)
        with self.assertRaises(UserError) as refused:
            recipient.with_user(self.manager_a).action_acknowledge()
        self.assertIn("already acknowledged", str(refused.exception))

    def test_only_the_addressees_acknowledge(self):
        document = self._issued()
        recipient = document.recipient_ids
        # the issuer's officers wrote it: they do not acknowledge for the unit
        self.assertFalse(document.with_user(self.officer_p).can_acknowledge)
        with self.assertRaises(AccessError):
            recipient.with_user(self.officer_p).action_acknowledge()
        with self.assertRaises(UserError):
            document.with_user(self.officer_p).action_acknowledge()
        # a sibling does not even see it
        with self.assertRaises(AccessError):
            recipient.with_user(self.officer_b).action_acknowledge()
        # a member reads it, officers act on it
        self.assertFalse(document.with_user(self.member_a).can_acknowledge)
        with self.assertRaises(AccessError):
            recipient.with_user(self.member_a).action_acknowledge()
        self.assertFalse(recipient.date_acknowledged)

    def test_marking_the_activity_done_acknowledges(self):
        document = self._issued()
        activity = document.recipient_ids.activity_ids.filtered(
            lambda a: a.user_id == self.officer_a
        )
        activity.with_user(self.officer_a).action_feedback(feedback="Đã triển khai")
        self.assertEqual(document.recipient_ids.acknowledged_user_id, self.officer_a)
        self.assertFalse(document.recipient_ids.activity_ids)

    def test_reminders_before_the_deadline_and_escalation_after(self):
        document = self._issued(deadline="2026-03-20")
        recipient = document.recipient_ids
        cron = self.env["vstbpn.committee"]
        with freeze_time("2026-03-13"):  # 7 days before
            cron._cron_process_deadlines()
            cron._cron_process_deadlines()  # once a day only
        # reminders and escalations are to-dos beside the "read and carry out"
        todo = self.env.ref("mail.mail_activity_data_todo")
        reminders = recipient.activity_ids.filtered(
            lambda a: a.activity_type_id == todo
        )
        self.assertEqual(len(reminders), 2)
        self.assertEqual(reminders.user_id, self.officer_a | self.manager_a)
        self.assertEqual(recipient.last_reminder_date, date(2026, 3, 13))
        with freeze_time("2026-03-21"):
            cron._cron_process_deadlines()
            self.env.invalidate_all()
            self.assertEqual(recipient.submission_status, "missing")
        self.assertEqual(recipient.escalation_date, date(2026, 3, 21))
        escalations = (
            recipient.activity_ids.filtered(lambda a: a.activity_type_id == todo)
            - reminders
        )
        self.assertEqual(escalations.user_id, self.officer_p | self.manager_p)
        with freeze_time("2026-03-22"):
            recipient.with_user(self.officer_a).action_acknowledge()
            self.assertEqual(recipient.submission_status, "late")

    def test_acknowledged_documents_are_not_reminded(self):
        document = self._issued(deadline="2026-03-20")
        with freeze_time("2026-03-10"):
            document.recipient_ids.with_user(self.officer_a).action_acknowledge()
        with freeze_time("2026-03-13"):
            self.env["vstbpn.committee"]._cron_process_deadlines()
        self.assertFalse(document.recipient_ids.activity_ids)
        self.assertFalse(document.recipient_ids.last_reminder_date)

    # CANCELLATION

    def test_cancelling_keeps_the_number_and_tells_the_addressees(self):
        document = self._issued()
        with self.assertRaises(UserError):
            document.with_user(self.officer_p).action_cancel("  ")
        with self.assertRaises(AccessError):
            document.with_user(self.member_a).action_cancel("Sai")
        action = document.with_user(self.officer_p).action_open_cancel_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.officer_p)
            .with_context(**action["context"])
            .create({"reason": "Sai đối tượng"})
        )
        wizard.action_confirm()
        self.assertEqual(document.state, "cancelled")
        self.assertEqual(document.cancel_reason, "Sai đối tượng")
        self.assertEqual(document.document_reference, "01/BVSTBPN")
        self.assertFalse(document.recipient_ids.activity_ids)
        self.assertIn("Sai đối tượng", document.message_ids[0].body)
        self.assertEqual(
            document.message_ids[0].partner_ids,
            (self.officer_a | self.manager_a).partner_id,
        )
        with self.assertRaises(UserError):
            document.recipient_ids.with_user(self.officer_a).action_acknowledge()
        with self.assertRaises(UserError):
            document.with_user(self.officer_p).unlink()
        self.assertEqual(self._issued().document_number, 2, "01 is not given again")
        with self.assertRaises(UserError):
            document.action_cancel("Lần nữa")

    def test_copy_is_a_new_draft(self):
        copy = self._issued().copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.document_number)
        self.assertFalse(copy.recipient_ids)

    # INCOMING

    def test_a_unit_sees_what_was_sent_to_it_and_never_a_siblings_documents(self):
        to_a = self._issued()
        draft_to_a = self._document()
        own_b = self._document(
            committee_id=self.district_b.id, addressee_committee_ids=[(5,)]
        )
        Documents = self.Document.with_user(self.officer_a)
        self.assertIn(to_a, Documents.search([("is_received", "=", True)]))
        self.assertNotIn(draft_to_a, Documents.search([]))
        self.assertNotIn(own_b, Documents.search([]))
        self.assertIn(to_a, self.Document.with_user(self.member_a).search([]))
        self.assertNotIn(to_a, self.Document.with_user(self.officer_b).search([]))
        self.assertNotIn(
            to_a,
            self.Document.with_user(self.officer_p).search(
                [("is_received", "=", True)]
            ),
            "the issuer's document is sent, not received",
        )

    def test_sent_to_every_unit_below_reaches_units_created_afterwards(self):
        document = self._issued(addressee_committee_ids=[(5,)], to_all_units_below=True)
        commune_a2 = self.Committee.create(
            {
                "name": "Commune A2",
                "code": "T-A2",
                "level_id": self.level_commune.id,
                "parent_id": self.district_a.id,
            }
        )
        officer_a2 = self._new_user("t_officer_a2", "officer", commune_a2)
        self.assertIn(
            document,
            self.Document.with_user(officer_a2).search([("is_received", "=", True)]),
        )
        self.assertFalse(document.with_user(officer_a2).can_acknowledge)

    def test_menus_received_and_sent(self):
        document = self._issued()
        received = self.env.ref("vstbpn_committee.vstbpn_document_action_received")
        sent = self.env.ref("vstbpn_committee.vstbpn_document_action_sent")
        as_a = self.Document.with_user(self.officer_a)
        self.assertIn(document, as_a.search(literal_eval(received.domain)))
        self.assertNotIn(document, as_a.search(literal_eval(sent.domain)))
        as_p = self.Document.with_user(self.officer_p)
        self.assertIn(document, as_p.search(literal_eval(sent.domain)))

    def test_decision_still_signs_through_the_shared_fields(self):
        decision = self.Decision.create(
            {"name": "9/QĐ-UBND", "committee_id": self.district_a.id}
        )
        self.assertEqual(decision.signer_authority, "TM.")
        self.assertFalse(decision.document_number)
        self.assertEqual(decision._vstbpn_document_values()["number"], "9/QĐ-UBND")

    def test_deadline_is_optional(self):
        document = self._issued()
        self.assertEqual(
            document.recipient_ids.activity_ids.mapped("date_deadline"),
            [self.today()] * 2,
        )
        self.assertEqual(document.recipient_ids.submission_status, "pending")
