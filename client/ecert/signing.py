"""XML-DSig for e-certificates: enveloped, RSA-SHA256, exclusive C14N (signxml over lxml).

The platform signs with :func:`sign`; the desk checks with :func:`verify` against the
platform certificate it pinned at login — never against a certificate the document brings
along. :func:`make_key_pair` makes a self-signed RSA key and certificate (the sandbox's
platform key, and a foreign authority's key in tests).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from functools import lru_cache

from ..errors import DeskError
from .xmlsafe import parse

DS_NS = "http://www.w3.org/2000/09/xmldsig#"


class SignatureInvalid(DeskError):
    """The e-certificate's signature does not verify against the pinned certificate."""

    exit_code = 1


def make_key_pair(common_name: str, days: int = 3650) -> tuple[bytes, bytes]:
    """``(private key PEM, certificate PEM)``: RSA 2048, self-signed."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = _dt.datetime.now(_dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - _dt.timedelta(days=1))
            .not_valid_after(now + _dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, False, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    return (key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()),
            cert.public_bytes(serialization.Encoding.PEM))


def fingerprint(cert_pem: bytes | str) -> str:
    """The SHA-256 fingerprint (hex) of a PEM certificate's DER bytes."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    pem = cert_pem.encode() if isinstance(cert_pem, str) else cert_pem
    der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
    return hashlib.sha256(der).hexdigest()


@lru_cache(maxsize=8)
def _private_key(key_pem: bytes):
    """The key object of a PEM key, loaded once (loading checks the RSA key: ~100 ms)."""
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    return load_pem_private_key(key_pem, password=None)


@lru_cache(maxsize=8)
def _certificate(cert_pem: bytes):
    from cryptography import x509
    return x509.load_pem_x509_certificate(cert_pem)


def sign(root, key_pem: bytes, cert_pem: bytes) -> bytes:
    """``root`` signed (enveloped signature as its last child), serialised as UTF-8 bytes."""
    from lxml import etree
    from signxml import SignatureMethod, XMLSigner, methods
    signer = XMLSigner(method=methods.enveloped, signature_algorithm=SignatureMethod.RSA_SHA256,
                       digest_algorithm="sha256",
                       c14n_algorithm="http://www.w3.org/2001/10/xml-exc-c14n#")
    signed = signer.sign(root, key=_private_key(bytes(key_pem)), cert=[_certificate(bytes(cert_pem))])
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


class _Verifier:
    """One signxml verifier and expected configuration, made once (they are reusable)."""

    _made = None

    @classmethod
    def get(cls):
        if cls._made is None:
            from signxml import SignatureMethod, XMLVerifier
            from signxml.verifier import SignatureConfiguration
            cfg = SignatureConfiguration(
                signature_methods=frozenset({SignatureMethod.RSA_SHA256}),
                require_x509=False, expect_references=1)
            cls._made = (XMLVerifier(), cfg)
        return cls._made


def verify(data: bytes, cert_pem: bytes | str, source: str = "XML"):
    """The parsed root of ``data`` when its enveloped signature verifies against
    ``cert_pem``; :class:`SignatureInvalid` when it does not, ``HostileXml`` when the bytes
    are not a readable SPSCertificate."""
    from signxml.exceptions import InvalidInput, InvalidSignature
    root = parse(data, source)
    if root.find(f"{{{DS_NS}}}Signature") is None:
        raise SignatureInvalid(f"{source}：没有数字签名", f"{source}: the document is not signed")
    verifier, cfg = _Verifier.get()
    pem = cert_pem.encode("ascii") if isinstance(cert_pem, str) else bytes(cert_pem)
    try:
        verifier.verify(root, x509_cert=_certificate(pem), expect_config=cfg)
    except (InvalidSignature, InvalidInput) as exc:
        raise SignatureInvalid(f"{source}：数字签名无效（文件可能被篡改，或不是平台签发）：{exc}",
                               f"{source}: invalid signature (tampered with, or not issued "
                               f"by the platform): {exc}") from None
    return root
