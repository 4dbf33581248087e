import base64

from odoo import api, fields, models
from odoo.exceptions import ValidationError

TRUST_KINDS = [
    ("root", "Trusted Root Certificate"),
    ("crl", "Revocation List (CRL)"),
]


class VstbpnSignatureTrust(models.Model):
    """What the signatures of documents are verified against: the root
    certificates the administrators trust (the national root CA, the
    Government's CA...) and the revocation lists they publish.

    Verification never fetches anything from the network: it trusts only what
    is registered here, as the server may have no access to the Internet."""

    _name = "vstbpn.signature.trust"
    _description = "Trusted Certificate or Revocation List"
    _order = "kind, name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        TRUST_KINDS, string="Type of Entry", required=True, default="root"
    )
    file = fields.Binary(
        required=True,
        attachment=False,
        help="The certificate or the revocation list, in PEM or DER.",
    )
    description = fields.Char(
        string="Issued To / By",
        compute="_compute_description",
        store=True,
        help="The subject of a certificate, the issuer of a revocation list.",
    )

    @api.depends("file", "kind")
    def _compute_description(self):
        for trust in self:
            try:
                trust.description = trust._vstbpn_described()
            except ValueError:
                trust.description = False

    @api.constrains("file", "kind")
    def _check_file_readable(self):
        for trust in self:
            try:
                trust._vstbpn_described()
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot be read as a %(kind)s in PEM or DER: "
                        "upload the file published by the certification authority.",
                        name=trust.name,
                        kind=dict(
                            self._fields["kind"]._description_selection(self.env)
                        )[trust.kind],
                    )
                ) from error

    def _vstbpn_described(self):
        loaded = self._vstbpn_loaded_cryptography()
        if not loaded:
            return False
        if self.kind == "root":
            return loaded.subject.rfc4514_string()
        return loaded.issuer.rfc4514_string()

    def _vstbpn_loaded_cryptography(self):
        """The file as a cryptography object; ValueError if it is not one."""
        from cryptography import x509

        if not self.file:
            return None
        content = base64.b64decode(self.file)
        pem = content.lstrip().startswith(b"-----BEGIN")
        if self.kind == "root":
            load = (
                x509.load_pem_x509_certificate
                if pem
                else x509.load_der_x509_certificate
            )
        else:
            load = x509.load_pem_x509_crl if pem else x509.load_der_x509_crl
        return load(content)

    def _vstbpn_der(self):
        from cryptography.hazmat.primitives.serialization import Encoding

        return self._vstbpn_loaded_cryptography().public_bytes(Encoding.DER)

    @api.model
    def _vstbpn_trust_material(self):
        """(root certificates, CRLs) of every active entry, as the validator
        of pyHanko takes them (asn1crypto objects)."""
        from asn1crypto import crl, x509

        Trust = self.sudo()
        roots = [
            x509.Certificate.load(entry._vstbpn_der())
            for entry in Trust.search([("kind", "=", "root")])
        ]
        crls = [
            crl.CertificateList.load(entry._vstbpn_der())
            for entry in Trust.search([("kind", "=", "crl")])
        ]
        return roots, crls
