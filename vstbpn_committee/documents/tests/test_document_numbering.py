import uuid

from freezegun import freeze_time
from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .document_common import VstbpnDocumentCase


@tagged("post_install", "-at_install")
class TestDocumentNumbering(VstbpnDocumentCase):
    """Decree 30/2020/NĐ-CP, Art. 15: each committee numbers its documents
    from 01 on 1 January, in one series or one per type, and never gives a
    number twice."""

    def test_one_series_for_every_type_by_default(self):
        references = [
            self._issued(document_type_id=doc_type.id).document_reference
            for doc_type in (self.type_plan, self.type_letter, self.type_report)
        ]
        self.assertEqual(references, ["01/KH-BVSTBPN", "02/BVSTBPN", "03/BC-BVSTBPN"])

    def test_one_series_per_type_where_the_committee_says_so(self):
        self.province.document_numbering = "per_type"
        references = [
            self._issued(document_type_id=doc_type.id).document_reference
            for doc_type in (
                self.type_plan,
                self.type_letter,
                self.type_plan,
                self.type_report,
                self.type_letter,
            )
        ]
        self.assertEqual(
            references,
            [
                "01/KH-BVSTBPN",
                "01/BVSTBPN",
                "02/KH-BVSTBPN",
                "01/BC-BVSTBPN",
                "02/BVSTBPN",
            ],
        )

    def test_each_committee_has_its_own_series(self):
        self._issued()
        own = self._issued(
            committee_id=self.district_a.id,
            addressee_committee_ids=[(6, 0, self.commune_a1.ids)],
        )
        self.assertEqual(own.document_reference, "01/BVSTBPN")

    def test_numbers_start_again_at_01_on_1_january(self):
        with freeze_time("2026-12-31"):
            last_of_year = [self._issued(date="2026-12-31") for _i in range(3)]
        with freeze_time("2027-01-01"):
            first = self._document(date=None)
            self.assertEqual(first.date.isoformat(), "2027-01-01")
            first.action_issue()
        self.assertEqual([d.document_number for d in last_of_year], [1, 2, 3])
        self.assertEqual(first.document_reference, "01/BVSTBPN")
        self.assertEqual(first.document_year, 2027)

    def test_numbers_below_ten_take_a_leading_zero(self):
        self.assertEqual(self._issued().document_reference, "01/BVSTBPN")
        self.assertEqual(
            self._issued(document_number=9).document_reference, "09/BVSTBPN"
        )
        self.assertEqual(
            self._issued(document_number=10).document_reference, "10/BVSTBPN"
        )
        self.assertEqual(
            self._issued(document_number=123).document_reference, "123/BVSTBPN"
        )

    def test_number_typed_twice_is_refused(self):
        first = self._issued()
        typed = self._document(document_number=1)
        with self.assertRaises(ValidationError) as refused:
            typed.action_issue()
        self.assertIn(first.document_reference, str(refused.exception))
        self.assertIn("already taken", str(refused.exception))
        typed.invalidate_recordset()
        self.assertEqual(typed.state, "draft")
        self.assertFalse(typed.recipient_ids)
        # a plan shares the single series with the letters...
        plan = self._document(document_type_id=self.type_plan.id, document_number=1)
        with self.assertRaises(ValidationError):
            plan.action_issue()
        # ...not a series of its own
        self.province.document_numbering = "per_type"
        plan.action_issue()
        self.assertEqual(plan.document_reference, "01/KH-BVSTBPN")
        # another year is another series
        self.assertEqual(
            self._issued(document_number=1, date="2025-06-01").document_reference,
            "01/BVSTBPN",
        )

    def test_the_same_number_typed_twice_in_one_batch_is_refused(self):
        batch = self._document(document_number=4) | self._document(document_number=4)
        with self.assertRaises(ValidationError):
            batch.action_issue()

    def test_drawn_numbers_skip_those_typed_by_hand(self):
        self._issued(document_number=2)
        drawn = [self._issued().document_number for _i in range(3)]
        self.assertEqual(drawn, [1, 3, 4])

    def test_a_cancelled_documents_number_is_not_given_again(self):
        typed = self._issued(document_number=5)
        typed.action_cancel("Ban hành nhầm")
        with self.assertRaises(ValidationError):
            self._issued(document_number=5)

    def test_without_a_committee_symbol_the_type_alone_follows_the_number(self):
        """A committee that has not set its symbol yet still issues: the
        number carries what is known of the symbol."""
        self.province.document_symbol = False
        self.assertEqual(
            self._issued(document_type_id=self.type_plan.id).document_reference,
            "01/KH",
        )
        self.assertEqual(self._issued().document_reference, "02")

    def test_the_symbol_is_frozen_when_issued(self):
        document = self._issued(document_type_id=self.type_plan.id)
        self.province.document_symbol = "BVSTBPNT"
        self.assertEqual(document.document_reference, "01/KH-BVSTBPN")
        self.assertEqual(self._document()._vstbpn_document_number()[-9:], "/BVSTBPNT")

    def test_series_are_visible_to_their_committee_only(self):
        self._issued()
        counters = self.Counter.with_user(self.officer_p).search([])
        self.assertEqual(counters.committee_id, self.province)
        self.assertEqual(counters.last_number, 1)
        self.assertFalse(self.Counter.with_user(self.officer_a).search([]))


@tagged("post_install", "-at_install")
class TestConcurrentNumbering(VstbpnDocumentCase):
    """Two documents issued at the same time, each in its own transaction as
    two users' requests are: the second waits for the first, then gets the
    next number. The data is committed, so that both transactions see it,
    and removed afterwards."""

    def setUp(self):
        super().setUp()
        self.key = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            province = env["vstbpn.committee"].create(
                {
                    "name": f"Concurrency {self.key}",
                    "code": f"CONC-{self.key}",
                    "level_id": self.level_province.id,
                    "document_symbol": "BVSTBPN",
                }
            )
            commune = env["vstbpn.committee"].create(
                {
                    "name": f"Concurrency commune {self.key}",
                    "code": f"CONC-{self.key}-1",
                    "level_id": self.level_commune.id,
                    "parent_id": province.id,
                }
            )
            documents = env["vstbpn.document"].create(
                [
                    {
                        "committee_id": province.id,
                        "subject": f"concurrency {index}",
                        "date": "2026-05-04",
                        "addressee_committee_ids": [(6, 0, commune.ids)],
                        "body": "<p>1. Nội dung</p>",
                        "signer_name": "Người ký",
                    }
                    for index in range(2)
                ]
            )
            self.committee_ids = (commune | province).ids
            self.document_ids = documents.ids
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        with self.registry.cursor() as cr:
            for query in (
                (
                    "DELETE FROM mail_message WHERE (model = 'vstbpn.document' "
                    "AND res_id = ANY(%(documents)s)) OR (model = 'vstbpn.committee' "
                    "AND res_id = ANY(%(committees)s))"
                ),
                (
                    "DELETE FROM mail_followers WHERE (res_model = 'vstbpn.document' "
                    "AND res_id = ANY(%(documents)s)) "
                    "OR (res_model = 'vstbpn.committee' "
                    "AND res_id = ANY(%(committees)s))"
                ),
                (
                    "DELETE FROM ir_attachment WHERE res_model = 'vstbpn.document' "
                    "AND res_id = ANY(%(documents)s)"
                ),
                "DELETE FROM vstbpn_document WHERE id = ANY(%(documents)s)",
                (
                    "DELETE FROM vstbpn_document_counter "
                    "WHERE committee_id = ANY(%(committees)s)"
                ),
                "DELETE FROM vstbpn_committee WHERE id = ANY(%(committees)s)",
            ):
                cr.execute(
                    query,
                    {"documents": self.document_ids, "committees": self.committee_ids},
                )

    def _issue(self, cr, index):
        env = api.Environment(cr, SUPERUSER_ID, {})
        document = env["vstbpn.document"].browse(self.document_ids[index])
        document.action_issue()
        env.flush_all()
        return document

    @mute_logger("odoo.sql_db")
    def test_two_documents_issued_at_once_get_different_numbers(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._issue(cr1, 0)  # its series stays locked until it commits
            self.assertEqual(first.document_number, 1)

            # meanwhile the second waits for the lock (here, no longer than
            # 200 ms) instead of drawing the same number
            cr2.execute(SQL("SET LOCAL lock_timeout = '200ms'"))
            with self.assertRaises(errors.LockNotAvailable):
                self._issue(cr2, 1)
            cr2.rollback()

            # a transaction that started before the first committed cannot
            # number: PostgreSQL refuses it, and Odoo runs the request again
            cr2.execute(SQL("SELECT 1"))
            cr1.commit()
            with self.assertRaises(errors.SerializationFailure):
                self._issue(cr2, 1)
            cr2.rollback()

            # the request run again gets the next number
            second = self._issue(cr2, 1)
            cr2.commit()
            self.assertEqual(second.document_number, 2)
            self.assertEqual(second.document_reference, "02/BVSTBPN")
