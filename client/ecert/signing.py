"""XML-DSig for e-certificates: enveloped, RSA-SHA256, exclusive C14N.

The platform signs with :func:`sign` (signxml over lxml); the desk checks with :func:`verify`
(lxml C14N + cryptography, the profile's one signature form) against the platform
certificate it pinned at login — never against a certificate the document brings along. :func:`make_key_pair` makes a self-signed RSA key and certificate (the sandbox's
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


C14N_EXC = "http://www.w3.org/2001/10/xml-exc-c14n#"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
_DS = f"{{{DS_NS}}}"


@lru_cache(maxsize=8)
def _public_key(cert_pem: bytes):
    """The RSA public key of the pinned certificate, loaded once per PEM."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    from ..errors import InputError
    try:
        key = _certificate(cert_pem).public_key()
    except ValueError:
        raise InputError("签名证书不是可读的 PEM 证书", "the signing certificate is not a "
                         "readable PEM certificate") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureInvalid("平台签名证书不是 RSA 证书", "the pinned certificate is not RSA")
    return key


def _bad(source: str, zh: str, en: str) -> SignatureInvalid:
    return SignatureInvalid(f"{source}：数字签名无效（文件可能被篡改，或不是平台签发）：{zh}",
                            f"{source}: invalid signature (tampered with, or not issued by "
                            f"the platform): {en}")


def _children(e, source: str, *tags: str, optional: tuple[str, ...] = ()):
    """The element children of ``e``: exactly ``tags`` in order, then any ``optional``."""
    kids = [k for k in e if isinstance(k.tag, str)]
    want = [_DS + t for t in tags]
    extra = [k.tag for k in kids[len(want):]]
    if [k.tag for k in kids[:len(want)]] != want or any(
            t not in [_DS + o for o in optional] for t in extra):
        raise _bad(source, f"{e.tag.rsplit('}', 1)[-1]} 的结构不符合规范",
                   f"unexpected structure of {e.tag.rsplit('}', 1)[-1]}")
    return kids


def _algorithm(e, expected: str, source: str) -> None:
    if e.get("Algorithm") != expected or len(e):
        raise _bad(source, f"不接受的算法 {e.get('Algorithm')}",
                   f"algorithm {e.get('Algorithm')} is not the one of the profile "
                   f"({expected})")


def _enveloped_c14n(root, sig) -> bytes:
    """Exclusive C14N (no comments) of ``root`` without ``sig`` — the enveloped-signature
    transform — computed by detaching ``sig`` for the moment and putting it back."""
    from lxml import etree
    index = root.index(sig)
    tail, sig.tail = sig.tail, None
    prev = sig.getprevious()
    root.remove(sig)
    try:  # the signature's tail text stays in the document (XML-DSig 6.6.4)
        if tail:
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                root.text = (root.text or "") + tail
        return etree.tostring(root, method="c14n", exclusive=True, with_comments=False)
    finally:
        if tail:
            if prev is not None:
                prev.tail = prev.tail[:-len(tail)] or None
            else:
                root.text = root.text[:-len(tail)] or None
        root.insert(index, sig)
        sig.tail = tail


def verify(data: bytes, cert_pem: bytes | str, source: str = "XML"):
    """The parsed root of ``data`` when its enveloped signature verifies against
    ``cert_pem``; :class:`SignatureInvalid` when it does not, ``HostileXml`` when the bytes
    are not a readable SPSCertificate.

    Only the profile's one form of signature is accepted, checked with lxml's C14N and
    cryptography directly (no second parse, the pinned key loaded once): exactly one
    ``ds:Signature`` in the document, the last child of the root; ``SignedInfo`` with
    exclusive C14N, RSA-SHA256 and one ``Reference URI=""`` whose transforms are exactly
    enveloped-signature + exclusive C14N and whose digest is SHA-256. The reference covers
    the whole document, so a wrapped or relocated signature, a second signature or a
    reference to a part of the document are refused. Comments are dropped by the parser
    (they are outside what C14N signs)."""
    import base64
    import binascii
    import hmac

    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    from lxml import etree
    root = parse(data, source)
    sigs = list(root.iter(_DS + "Signature"))
    if not sigs:
        raise SignatureInvalid(f"{source}：没有数字签名", f"{source}: the document is not signed")
    if len(sigs) > 1 or sigs[0].getparent() is not root or sigs[0] is not root[-1]:
        raise _bad(source, "签名不在规定位置（应为根元素的最后一个子元素，且只有一个）",
                   "the signature is not the one last child of the root element")
    sig = sigs[0]
    si, sv = _children(sig, source, "SignedInfo", "SignatureValue", optional=("KeyInfo",))[:2]
    cm, sm, ref = _children(si, source, "CanonicalizationMethod", "SignatureMethod",
                            "Reference")
    _algorithm(cm, C14N_EXC, source)
    _algorithm(sm, RSA_SHA256, source)
    if ref.get("URI") != "" or set(ref.attrib) - {"URI"}:
        raise _bad(source, "签名引用的不是整份文件", "the reference is not URI=\"\" "
                   "(the whole document)")
    tr, dm, dv = _children(ref, source, "Transforms", "DigestMethod", "DigestValue")
    steps = _children(tr, source, "Transform", "Transform")
    _algorithm(steps[0], ENVELOPED, source)
    _algorithm(steps[1], C14N_EXC, source)
    _algorithm(dm, SHA256, source)
    try:
        digest = base64.b64decode("".join((dv.text or "").split()), validate=True)
        value = base64.b64decode("".join((sv.text or "").split()), validate=True)
    except (binascii.Error, ValueError):
        raise _bad(source, "签名值不是 base64", "digest or signature value is not base64") \
            from None
    actual = hashlib.sha256(_enveloped_c14n(root, sig)).digest()
    if not hmac.compare_digest(actual, digest):
        raise _bad(source, "文件内容与签名摘要不符", "the content does not match the signed "
                   "digest")
    pem = cert_pem.encode("ascii") if isinstance(cert_pem, str) else bytes(cert_pem)
    signed_info = etree.tostring(si, method="c14n", exclusive=True, with_comments=False)
    try:
        _public_key(pem).verify(value, signed_info, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise _bad(source, "签名不是用平台密钥生成的", "the signature was not made with the "
                   "platform's key") from None
    return root
