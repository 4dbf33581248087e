import base64
import io
import xmlrpc.client
from datetime import datetime, timedelta, timezone
from unittest.mock import patch

import pytz
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .document_common import VstbpnDocumentCase

PASSPHRASE = "mat-khau-2026"
CRL_URL = "http://ca.vstbpn.test/root.crl"


def _name(common_name):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _certificate(subject, key, issuer_name, issuer_key, start, end, is_ca=False):
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not is_ca,
                content_commitment=not is_ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=is_ca,
                crl_sign=is_ca,
                encipher_only=False,
                decipher_only=False,
            ),
            True,
        )
    )
    if not is_ca:
        # where the CA publishes its revocation list, as real certificates say:
        # the validator applies a registered CRL to the certificates naming it
        builder = builder.add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        [x509.UniformResourceIdentifier(CRL_URL)], None, None, None
                    )
                ]
            ),
            False,
        )
    return builder.sign(issuer_key, hashes.SHA256())


def _tiny_pdf():
    """A one-page A4 PDF, as the report would print it."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PdfFileWriter

    writer = PdfFileWriter()
    contents = generic.StreamObject(stream_data=b"0 0 1 rg 50 700 200 50 re f")
    writer.insert_page(
        generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Page"),
                generic.pdf_name("/MediaBox"): generic.ArrayObject(
                    map(generic.NumberObject, (0, 0, 595, 842))
                ),
                generic.pdf_name("/Resources"): generic.DictionaryObject(),
                generic.pdf_name("/Contents"): writer.add_object(contents),
            }
        )
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class VstbpnSignatureCase(VstbpnDocumentCase):
    """A test CA trusted by the database, and a certificate it issued to
    the province's committee, to upload."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Certificate = cls.env["vstbpn.signing.certificate"]
        cls.Trust = cls.env["vstbpn.signature.trust"]
        cls.admin = cls._new_user("t_admin_sig", "admin")
        now = datetime.now(timezone.utc)
        cls.ca_key = _key()
        cls.ca_name = _name("VSTBPN Test Root CA")
        cls.ca_cert = _certificate(
            "VSTBPN Test Root CA",
            cls.ca_key,
            cls.ca_name,
            cls.ca_key,
            now - timedelta(days=365),
            now + timedelta(days=3650),
            is_ca=True,
        )
        cls.signer_key = _key()
        cls.signer_cert = _certificate(
            "Ban VSTBPN tỉnh P",
            cls.signer_key,
            cls.ca_name,
            cls.ca_key,
            now - timedelta(days=1),
            now + timedelta(days=365),
        )
        cls.Trust.create(
            {
                "name": "Test root",
                "kind": "root",
                "file": base64.b64encode(
                    cls.ca_cert.public_bytes(serialization.Encoding.PEM)
                ),
            }
        )
        cls.pdf = _tiny_pdf()

    def _pkcs12(self, key, cert, passphrase=PASSPHRASE):
        return pkcs12.serialize_key_and_certificates(
            b"signer",
            key,
            cert,
            [self.ca_cert],
            serialization.BestAvailableEncryption(passphrase.encode()),
        )

    def _upload(self, key=None, cert=None, passphrase=PASSPHRASE, user=None):
        content = self._pkcs12(key or self.signer_key, cert or self.signer_cert)
        Certificate = self.Certificate.with_user(user or self.admin)
        return Certificate.create(
            {
                "name": "Chứng thư số Ban tỉnh",
                "signing_committee_id": self.province.id,
                "pkcs12_file": base64.b64encode(content),
                "passphrase": passphrase,
            }
        )

    def _issued_as_pdf(self):
        """Issue a letter, printed as the tiny PDF (no wkhtmltopdf in tests)."""
        Report = type(self.env["ir.actions.report"])
        # as in a request of its own: nothing the administrator read is cached
        self.env.invalidate_all()
        with (
            patch.object(Report, "get_wkhtmltopdf_state", return_value="ok"),
            patch.object(Report, "_render_qweb_pdf", return_value=(self.pdf, "pdf")),
        ):
            return self._issued(user=self.officer_p)

    def _crl(self, *revoked):
        now = datetime.now(timezone.utc)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.ca_name)
            .last_update(now - timedelta(hours=1))
            .next_update(now + timedelta(days=7))
        )
        for cert in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(cert.serial_number)
                .revocation_date(now - timedelta(minutes=30))
                .build()
            )
        return builder.sign(self.ca_key, hashes.SHA256())


@tagged("post_install", "-at_install")
class TestDocumentSignature(VstbpnSignatureCase):
    """A committee's certificate signs what it issues (PAdES); the form
    verifies the issued copy against the roots the administrators trust."""

    # the certificate

    def test_upload_reads_the_certificate_and_keeps_its_secrets(self):
        certificate = self._upload()
        self.assertEqual(certificate.subject, self.signer_cert.subject.rfc4514_string())
        self.assertEqual(
            certificate.serial_number, format(self.signer_cert.serial_number, "X")
        )
        self.assertTrue(certificate.has_key)
        values = certificate.with_user(self.admin).read(["pkcs12_file", "passphrase"])[
            0
        ]
        self.assertFalse(values["pkcs12_file"])
        self.assertFalse(values["passphrase"])
        self.env.cr.execute(
            "SELECT pkcs12_encrypted, passphrase_encrypted"
            " FROM vstbpn_signing_certificate WHERE id = %s",
            [certificate.id],
        )
        stored, passphrase = self.env.cr.fetchone()
        self.assertNotIn(PASSPHRASE.encode(), bytes(passphrase))
        self.assertNotIn(b"signer", bytes(stored))
        self.assertEqual(certificate._vstbpn_read_secrets()[1], PASSPHRASE)

    def test_wrong_passphrase_is_refused_in_vietnamese(self):
        with self.assertRaisesText(UserError, "mật khẩu"):
            self.vi(self._upload(passphrase=PASSPHRASE)).with_context(
                lang="vi_VN"
            ).write(
                {
                    "pkcs12_file": base64.b64encode(
                        self._pkcs12(self.signer_key, self.signer_cert)
                    ),
                    "passphrase": "sai",
                }
            )

    def test_a_file_that_is_not_pkcs12_is_refused(self):
        with self.assertRaisesText(UserError, "PKCS#12"):
            self.Certificate.with_user(self.admin).create(
                {
                    "name": "Không phải chứng thư",
                    "signing_committee_id": self.province.id,
                    "pkcs12_file": base64.b64encode(b"%PDF-1.4 not a certificate"),
                    "passphrase": PASSPHRASE,
                }
            )

    def test_officers_cannot_read_certificates_at_all(self):
        certificate = self._upload()
        with self.assertRaises(AccessError):
            certificate.with_user(self.officer_p).read(["subject"])
        with self.assertRaises(AccessError):
            self.Certificate.with_user(self.officer_p).search([])
        with self.assertRaises(AccessError):
            self._upload(user=self.officer_p)

    # signing at issue

    def test_issuing_signs_the_copy_and_it_verifies(self):
        self._upload()
        document = self._issued_as_pdf()
        self.assertTrue(document.is_signed)
        self.assertIn("Ban VSTBPN", document.signed_by)
        self.assertTrue(document.signed_on)
        content = document.issued_file_id.raw
        self.assertTrue(content.startswith(b"%PDF"))
        self.assertIn(b"/ETSI.CAdES.detached", content)
        verdict = document.with_user(self.officer_a)._vstbpn_signature_verdict()
        self.assertTrue(verdict["valid"], verdict["message"])
        self.assertTrue(verdict["intact"])
        self.assertIn("Ban VSTBPN", verdict["signer"])
        action = document.with_user(self.officer_a).action_verify_signature()
        self.assertEqual(action["params"]["type"], "success")

    def test_the_signed_copy_cannot_be_replaced(self):
        self._upload()
        document = self._issued_as_pdf()
        signed = document.issued_file_id
        other = self.env["ir.attachment"].create({"name": "x.pdf", "raw": self.pdf})
        with self.assertRaises(UserError):
            document.with_user(self.officer_p).write(
                {"issued_file_id": other.id, "is_signed": False}
            )
        with self.assertRaisesText(UserError, "bản phát hành"):
            self.vi(signed.with_user(self.officer_p)).write({"raw": self.pdf})
        with self.assertRaises(UserError):
            signed.with_user(self.officer_p).unlink()
        self.assertEqual(document.issued_file_id, signed)
        self.assertTrue(document._vstbpn_signature_verdict()["valid"])

    def test_a_tampered_copy_fails(self):
        self._upload()
        document = self._issued_as_pdf()
        content = document.issued_file_id.raw
        # a byte of the page's content stream, inside the signed range
        index = content.index(b"/MediaBox")
        tampered = content[:index] + b"/MediaBoy" + content[index + 9 :]
        verdict = self.vi(document)._vstbpn_signature_verdict(tampered)
        self.assertFalse(verdict["valid"])
        self.assertFalse(verdict["intact"])
        self.assertEqual(verdict["problem"], "tampered")
        self.assertIn("đã bị thay đổi", verdict["message"])

    def test_an_expired_certificate_is_refused_at_signing(self):
        past = datetime.now(timezone.utc) - timedelta(days=400)
        expired = _certificate(
            "Ban VSTBPN tỉnh P (cũ)",
            self.signer_key,
            self.ca_name,
            self.ca_key,
            past,
            past + timedelta(days=30),
        )
        self._upload(cert=expired)
        with self.assertRaisesText(UserError, "cannot sign now"):
            self._issued_as_pdf()

    def test_a_signature_whose_certificate_has_since_expired_fails(self):
        self._upload()
        document = self._issued_as_pdf()
        later = datetime.now(pytz.utc) + timedelta(days=400)
        verdict = self.vi(document)._vstbpn_signature_verdict(moment=later)
        self.assertFalse(verdict["valid"])
        self.assertEqual(verdict["problem"], "expired")
        self.assertTrue(verdict["intact"])
        self.assertIn("hết hạn", verdict["message"])

    def test_a_revoked_certificate_fails(self):
        self._upload()
        document = self._issued_as_pdf()
        self.Trust.create(
            {
                "name": "Test CRL",
                "kind": "crl",
                "file": base64.b64encode(
                    self._crl(self.signer_cert).public_bytes(serialization.Encoding.DER)
                ),
            }
        )
        verdict = self.vi(document)._vstbpn_signature_verdict()
        self.assertFalse(verdict["valid"])
        self.assertEqual(verdict["problem"], "revoked")
        self.assertTrue(verdict["intact"])
        self.assertIn("thu hồi", verdict["message"])

    def test_an_untrusted_signer_fails(self):
        self._upload()
        document = self._issued_as_pdf()
        self.Trust.search([]).action_archive()
        verdict = document._vstbpn_signature_verdict()
        self.assertEqual(verdict["problem"], "untrusted")

    def test_without_certificate_the_copy_is_issued_unsigned(self):
        document = self._issued_as_pdf()
        self.assertFalse(document.is_signed)
        self.assertFalse(document.issued_file_id.raw.count(b"/ByteRange"))
        self.assertIn(
            "not digitally signed",
            " ".join(document.message_ids.mapped("body")),
        )


@tagged("post_install", "-at_install")
class TestDocumentSignatureRpc(VstbpnSignatureCase, HttpCase):
    """Over XML-RPC, as a client of the server would ask."""

    def _rpc(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, args, kwargs
        )

    def test_secrets_never_leave_the_server_over_rpc(self):
        certificate = self._upload()
        (values,) = self._rpc(
            self.admin,
            "vstbpn.signing.certificate",
            "read",
            certificate.ids,
            ["pkcs12_file", "passphrase", "subject"],
        )
        self.assertFalse(values["pkcs12_file"])
        self.assertFalse(values["passphrase"])
        self.assertIn("Ban VSTBPN", values["subject"])
        fields = self._rpc(self.admin, "vstbpn.signing.certificate", "fields_get")
        self.assertFalse({"pkcs12_encrypted", "passphrase_encrypted"} & set(fields))
        for method, args in (
            ("read", (certificate.ids, ["subject"])),
            ("search_read", ([],)),
        ):
            with (
                self.subTest(method=method),
                self.assertRaises(xmlrpc.client.Fault) as caught,
            ):
                self._rpc(self.officer_p, "vstbpn.signing.certificate", method, *args)
            # the fault code of an AccessError (odoo.addons.base.controllers.rpc)
            self.assertEqual(caught.exception.faultCode, 4)
