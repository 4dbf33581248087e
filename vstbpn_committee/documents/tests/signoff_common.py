from .document_common import VstbpnDocumentCase


class VstbpnSignoffCase(VstbpnDocumentCase):
    """Province P signs off (trình ký): its head and a deputy are its
    signatories, each an officer of P in the suite."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Signoff = cls.env["vstbpn.signoff"]
        cls.head_user = cls._new_user("t_head_p", "officer", cls.province)
        cls.deputy_user = cls._new_user("t_deputy_p", "officer", cls.province)
        cls.head = cls._signatory(cls.province, cls.head_user, "Trương Thị Mai", "head")
        cls.deputy = cls._signatory(
            cls.province, cls.deputy_user, "Lê Văn Hùng", "deputy_head"
        )
        cls.province.name = "Ban vì sự tiến bộ của phụ nữ tỉnh P"
        cls.province.signoff_required = True

    def _submitted(self, record, signatory=None, reviewer=None):
        """``record`` submitted for signature by P's officer, over the
        public method; the request made."""
        record.with_user(self.officer_p).action_request_signoff(
            (signatory or self.head).id, reviewer.id if reviewer else None, "Kính trình"
        )
        return record.signoff_id

    def _asked(self, signoff):
        """The users whose activity on ``signoff`` asks them to act."""
        return (
            self.env["mail.activity"]
            .search([("res_model", "=", "vstbpn.signoff"), ("res_id", "=", signoff.id)])
            .user_id
        )
