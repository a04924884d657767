"""The desk's XML-DSig check (lxml C14N + cryptography) against signxml, and what it refuses.

No sandbox: a certificate is built and signed here with :func:`client.ecert.signing.sign`,
the platform's own signing function. signxml (the signing library) serves as the reference
verifier: whatever it accepts for our profile, the desk accepts; each forgery below fails.
"""
from __future__ import annotations

import base64
import copy

import pytest
from lxml import etree

from client.ecert import signing, sps, xmlsafe
from client.model import to_dict
from client.rules.sample import sample_declaration

KEY = signing.make_key_pair("platform (test)")
OTHER = signing.make_key_pair("somebody else (test)")
DS = f"{{{signing.DS_NS}}}"


def _unsigned(seed: int = 5):
    d = to_dict(sample_declaration("outbound", 3, seed=seed))
    d["inspection_no"] = "110000226000000123"
    return sps.build(d, number="CN110000226000000123-18-01", desk_type="18",
                     issued_at="2026-12-01T08:00:00Z", issuer_id="110000",
                     issuer_name="GACC")


def _signed(key=KEY, seed: int = 5) -> bytes:
    return signing.sign(_unsigned(seed), *key)


def _signxml_accepts(data: bytes, cert_pem: bytes) -> bool:
    from signxml import SignatureMethod, XMLVerifier
    from signxml.exceptions import InvalidInput, InvalidSignature
    from signxml.verifier import SignatureConfiguration
    cfg = SignatureConfiguration(signature_methods=frozenset({SignatureMethod.RSA_SHA256}),
                                 require_x509=False, expect_references=1)
    try:
        XMLVerifier().verify(data, x509_cert=cert_pem.decode(), expect_config=cfg)
    except (InvalidSignature, InvalidInput):
        return False
    return True


def _refused(data: bytes, cert=KEY[1]) -> str:
    with pytest.raises(signing.SignatureInvalid) as info:
        signing.verify(data, cert, "t.xml")
    return info.value.message_zh


def test_a_platform_signed_certificate_verifies_as_signxml_says():
    data = _signed()
    assert _signxml_accepts(data, KEY[1])
    root = signing.verify(data, KEY[1])
    assert sps.read(root).number == "CN110000226000000123-18-01"
    # the returned tree still is the document as signed (signature in place, bytes equal)
    assert etree.tostring(root, xml_declaration=True, encoding="UTF-8") == data
    # text after the signature is kept by the enveloped transform: adding some breaks
    # the digest for signxml and for the desk alike; text before it is content as well
    for extra in (b"<ds:Signature", b"</ds:Signature>"):
        changed = data.replace(extra, extra + b"\n  " if extra.startswith(b"</")
                               else b"\n  " + extra)
        assert changed != data
        assert not _signxml_accepts(changed, KEY[1])
        with pytest.raises(signing.SignatureInvalid):
            signing.verify(changed, KEY[1])


def test_tampered_content_wrong_key_and_forged_value_fail():
    data = _signed()
    i = data.index(b'unitCode="KGM">') + len(b'unitCode="KGM">')
    tampered = data[:i] + b"9" + data[i:]
    assert not _signxml_accepts(tampered, KEY[1])
    assert "摘要不符" in _refused(tampered)
    assert "平台密钥" in _refused(_signed(OTHER))        # signed by another key
    assert "平台密钥" in _refused(data, OTHER[1])         # checked against another pin
    root = etree.fromstring(data)
    sv = root.find(f"{DS}Signature/{DS}SignatureValue")
    raw = bytearray(base64.b64decode(sv.text))
    raw[10] ^= 1
    sv.text = base64.b64encode(bytes(raw)).decode()
    assert "平台密钥" in _refused(etree.tostring(root))


def test_a_comment_inside_a_signed_value_cannot_truncate_it():
    data = _signed()
    # a comment is outside what C14N signs: the signature still holds, and the value read
    # is the whole signed text, never the part before the comment
    forged = data.replace(b"<ram:ID>CN1100002260", b"<ram:ID>CN11<!-- x -->00002260", 1)
    root = signing.verify(forged, KEY[1])
    assert sps.read(root).number == "CN110000226000000123-18-01"


def _wrap(data: bytes, how: str) -> bytes:
    root = etree.fromstring(data)
    sig = root.find(f"{DS}Signature")
    if how == "moved":        # the signature elsewhere than the root's last child
        doc = root.find("rsm:SPSExchangedDocument", sps.NSMAP)
        doc.append(sig)
    elif how == "two":        # a second signature besides the real one
        root.find("rsm:SPSExchangedDocument", sps.NSMAP).append(copy.deepcopy(sig))
    elif how == "wrapped":    # the signed original hidden in a ds:Object, a forged body shown
        original = copy.deepcopy(root)
        original.remove(original.find(f"{DS}Signature"))
        obj = etree.SubElement(sig, f"{DS}Object")
        obj.append(original)
        root.find(".//ram:SequenceNumeric/../ram:Description", sps.NSMAP).text = "forged"
    elif how == "part":       # the reference pointing at a part of the document
        ref = sig.find(f"{DS}SignedInfo/{DS}Reference")
        ref.set("URI", "#doc")
        root.find("rsm:SPSExchangedDocument", sps.NSMAP).set("Id", "doc")
    elif how == "sha1":
        sig.find(f"{DS}SignedInfo/{DS}SignatureMethod").set(
            "Algorithm", "http://www.w3.org/2000/09/xmldsig#rsa-sha1")
    elif how == "no-transform":
        tr = sig.find(f"{DS}SignedInfo/{DS}Reference/{DS}Transforms")
        tr.remove(tr[0])
    return etree.tostring(root)


@pytest.mark.parametrize("how", ["moved", "two", "wrapped", "part", "sha1", "no-transform"])
def test_a_wrapped_moved_or_weakened_signature_fails(how):
    assert _refused(_wrap(_signed(), how))


def test_unsigned_and_hostile_documents():
    unsigned = etree.tostring(_unsigned())
    assert "没有数字签名" in _refused(unsigned)
    with pytest.raises(xmlsafe.HostileXml):
        signing.verify(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
                       KEY[1])


def test_a_certificate_that_is_not_a_pem_is_an_input_error_not_a_crash():
    from client.errors import InputError
    with pytest.raises(InputError) as info:
        signing.verify(_signed(), b"-----BEGIN CERTIFICATE-----\nnot base64\n", "t.xml")
    assert not isinstance(info.value, signing.SignatureInvalid)
    assert "PEM" in info.value.message_zh
