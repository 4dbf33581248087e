import base64
import hashlib

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# The secret columns are not fields: no read, search, export or onchange of
# the ORM can return them, whoever asks, administrators included.
SECRET_COLUMNS = ("pkcs12_encrypted", "passphrase_encrypted")
KEY_CONTEXT = b"vstbpn.signing.certificate"


def pyhanko_missing_error(env):
    return UserError(
        env._(
            "Digital signatures need the pyHanko library, which is not installed "
            "on this server. Ask the administrator of the server to install the "
            "Python packages of requirements.txt."
        )
    )


class VstbpnSigningCertificate(models.Model):
    """A committee's digital signing certificate (PKCS#12), with which its
    documents are signed when they are issued.

    The file and its passphrase are uploaded by an administrator and kept
    encrypted with a key derived from the database secret, in columns that
    are not fields of the model: what is shown is only what the certificate
    says of itself (subject, issuer, serial, validity)."""

    _name = "vstbpn.signing.certificate"
    _description = "Signing Certificate"
    _order = "signing_committee_id, date_end desc, id desc"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    # not ``committee_id``: the certificate is not the committee's record that
    # its members read and its officers keep, but the administrators' alone
    signing_committee_id = fields.Many2one(
        "vstbpn.committee",
        string="Committee",
        required=True,
        ondelete="cascade",
        index=True,
        help="The committee whose documents are signed with this certificate.",
    )
    pkcs12_file = fields.Binary(
        string="Certificate File (PKCS#12)",
        compute="_compute_secrets",
        inverse="_inverse_secrets",
        help="The .p12 or .pfx file with the key and its certificate. It is kept "
        "encrypted and can never be downloaded again.",
    )
    passphrase = fields.Char(
        compute="_compute_secrets",
        inverse="_inverse_secrets",
        help="The passphrase of the file; kept encrypted, never shown again.",
    )
    subject = fields.Char(string="Certificate Subject", readonly=True)
    issuer = fields.Char(string="Certification Authority", readonly=True)
    serial_number = fields.Char(readonly=True)
    date_start = fields.Datetime(string="Valid From", readonly=True)
    date_end = fields.Datetime(string="Valid To", readonly=True)
    has_key = fields.Boolean(string="Key Stored", readonly=True)

    def init(self):
        for column in SECRET_COLUMNS:
            self.env.cr.execute(
                SQL(
                    "ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s bytea",
                    SQL.identifier(self._table),
                    SQL.identifier(column),
                )
            )

    # SECRETS: write-only

    def _compute_secrets(self):
        for certificate in self:
            certificate.pkcs12_file = False
            certificate.passphrase = False

    def _inverse_secrets(self):
        for certificate in self:
            # the form sends both; an update of one alone is not possible,
            # since the other cannot be read back
            if not certificate.pkcs12_file:
                continue
            content = base64.b64decode(certificate.pkcs12_file)
            passphrase = certificate.passphrase or ""
            cert = certificate._vstbpn_load(content, passphrase)[1]
            certificate._vstbpn_store_secrets(content, passphrase)
            certificate.write(certificate._vstbpn_certificate_values(cert))
        # what was sent is not kept in the cache either: a read in the same
        # request (the form saves, then reads) computes them empty
        self.invalidate_recordset(["pkcs12_file", "passphrase"])

    def _vstbpn_load(self, content, passphrase):
        """(private key, certificate, other certificates) of a PKCS#12 file;
        refused in the user's words where it cannot be opened."""
        from cryptography.hazmat.primitives.serialization import pkcs12

        try:
            key, cert, others = pkcs12.load_key_and_certificates(
                content, passphrase.encode() if passphrase else None
            )
        except (ValueError, TypeError) as error:
            raise UserError(
                self.env._(
                    "The file cannot be opened: either the passphrase is wrong or "
                    "the file is not a PKCS#12 certificate (.p12, .pfx). Check "
                    "both and upload again."
                )
            ) from error
        if key is None or cert is None:
            raise UserError(
                self.env._(
                    "The file holds no private key with its certificate: export "
                    "the signing certificate with its key (.p12, .pfx)."
                )
            )
        return key, cert, others

    def _vstbpn_certificate_values(self, cert):
        return {
            "subject": cert.subject.rfc4514_string(),
            "issuer": cert.issuer.rfc4514_string(),
            "serial_number": format(cert.serial_number, "X"),
            "date_start": cert.not_valid_before,
            "date_end": cert.not_valid_after,
            "has_key": True,
        }

    @api.model
    def _vstbpn_fernet(self):
        """Fernet keyed by the database secret: a dump of the table without
        the database's parameters does not give the keys away."""
        from cryptography.fernet import Fernet
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        derived = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=hashlib.sha256(KEY_CONTEXT).digest(),
            info=KEY_CONTEXT,
        ).derive(secret.encode())
        return Fernet(base64.urlsafe_b64encode(derived))

    def _vstbpn_store_secrets(self, content, passphrase):
        fernet = self._vstbpn_fernet()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET pkcs12_encrypted = %s, passphrase_encrypted = %s "
                "WHERE id = %s",
                SQL.identifier(self._table),
                fernet.encrypt(content),
                fernet.encrypt(passphrase.encode()),
                self.id,
            )
        )

    def _vstbpn_read_secrets(self):
        """(PKCS#12 content, passphrase), decrypted: for signing only."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "SELECT pkcs12_encrypted, passphrase_encrypted FROM %s WHERE id = %s",
                SQL.identifier(self._table),
                self.id,
            )
        )
        content, passphrase = self.env.cr.fetchone()
        if not content:
            raise UserError(
                self.env._(
                    "The certificate %(certificate)s has no file: upload it again "
                    "with its passphrase.",
                    certificate=self.name,
                )
            )
        fernet = self._vstbpn_fernet()
        return (
            fernet.decrypt(bytes(content)),
            fernet.decrypt(bytes(passphrase)).decode(),
        )

    # SIGNING

    @api.model
    def _vstbpn_certificate_of(self, committee):
        """The certificate a committee signs with: its latest one, as
        superuser, since the officers who issue never read certificates."""
        return self.sudo().search(
            [("signing_committee_id", "=", committee.id), ("has_key", "=", True)],
            limit=1,
        )

    def _vstbpn_check_valid_now(self):
        self.ensure_one()
        now = fields.Datetime.now()
        if not (self.date_start <= now <= self.date_end):
            raise UserError(
                self.env._(
                    "The signing certificate %(certificate)s is valid from "
                    "%(start)s to %(end)s: it cannot sign now. Upload a valid "
                    "certificate of the committee.",
                    certificate=self.name,
                    start=fields.Datetime.to_string(self.date_start),
                    end=fields.Datetime.to_string(self.date_end),
                )
            )

    def _vstbpn_signer(self):
        """A pyHanko signer holding the key and its chain."""
        self.ensure_one()
        self._vstbpn_check_valid_now()
        try:
            from asn1crypto import keys, x509
            from pyhanko.sign import signers
            from pyhanko_certvalidator.registry import SimpleCertificateStore
        except ImportError as error:
            raise pyhanko_missing_error(self.env) from error
        from cryptography.hazmat.primitives import serialization

        key, cert, others = self._vstbpn_load(*self._vstbpn_read_secrets())
        key_der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        registry = SimpleCertificateStore()
        registry.register_multiple(
            x509.Certificate.load(other.public_bytes(serialization.Encoding.DER))
            for other in others
        )
        return signers.SimpleSigner(
            signing_cert=x509.Certificate.load(
                cert.public_bytes(serialization.Encoding.DER)
            ),
            signing_key=keys.PrivateKeyInfo.load(key_der),
            cert_registry=registry,
        )
