from odoo.exceptions import AccessError, ValidationError


class ReasonWizardSteps:
    """The reason wizard driven as the button opens it, or as a client could
    create it; mixed into a test case of any of the suite's addons."""

    REASON = "Thiếu dự toán"

    def _opened(self, records, user, opener, **values):
        """The wizard the button ``opener`` opens, filled in by ``user``."""
        action = getattr(records.with_user(user), opener)()
        self.assertEqual(action["res_model"], "vstbpn.reason.wizard")
        return (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create({"reason": self.REASON, **values})
        )

    def _wizard(self, records, action_name, user, reason=REASON, vi=False):
        """The wizard as a client could create it, naming any method."""
        Wizard = self.env["vstbpn.reason.wizard"].with_user(user)
        if vi:
            Wizard = Wizard.with_context(lang="vi_VN")
        return Wizard.create(
            {
                "res_model": records._name,
                "res_ids": records.ids,
                "action_name": action_name,
                "reason": reason,
            }
        )

    def _assert_empty_reason_refused(self, records, action_name, user):
        """Refused in Vietnamese for a Vietnamese user: by the wizard's form,
        by the wizard, and by the method called straight over RPC."""
        with self.assertRaisesRegex(ValidationError, "Lý do"):
            self._wizard(records, action_name, user, reason=" ", vi=True)
        wizard = self._wizard(records, action_name, user, vi=True)
        wizard.sudo().reason = "  "
        with self.assertRaisesRegex(ValidationError, "Hãy ghi lý do"):
            wizard.action_confirm()
        method = getattr(
            records.with_user(user).with_context(lang="vi_VN"), action_name
        )
        with self.assertRaisesRegex(ValidationError, "Hãy"):
            method("  ")

    def _assert_refused(self, records, action_name, user, exception=AccessError):
        wizard = self._wizard(records, action_name, user)
        with self.assertRaises(exception):
            wizard.action_confirm()

    def _last_note(self, record):
        return record.message_ids.sorted("id")[-1].body
