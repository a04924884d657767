"""Reading untrusted XML: no DTD, no entities, no network, the right root — or a clear refusal.

Every e-certificate the desk reads (fetched, imported, verified) goes through
:func:`parse`. A ``DOCTYPE`` is refused outright (it is where entity bombs and external
entities live); lxml is told not to resolve entities, load DTDs or touch the network in
any case.
"""
from __future__ import annotations

import re

from ..errors import InputError

SPS_NS = "urn:un:unece:uncefact:data:standard:SPSCertificate:17"
ROOT = f"{{{SPS_NS}}}SPSCertificate"
MAX_BYTES = 8 * 1024 * 1024

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


class HostileXml(InputError):
    """The file is not an e-certificate this desk will read (malformed, DTD, entity...)."""


def parser():
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=False,
                           remove_comments=True)


def parse(data: bytes, source: str = "XML"):
    """The root element of an SPSCertificate in ``data``; :class:`HostileXml` otherwise."""
    from lxml import etree
    if len(data) > MAX_BYTES:
        raise HostileXml(f"{source}：文件过大（超过 8 MiB），不是电子证书",
                         f"{source}: larger than 8 MiB, not an e-certificate")
    if _DOCTYPE.search(data) or _ENTITY.search(data):
        raise HostileXml(f"{source}：含有 DOCTYPE/实体声明，出于安全原因拒绝读取",
                         f"{source}: contains a DOCTYPE or entity declaration; refused for "
                         "safety (external entities and entity expansion are not allowed)")
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise HostileXml(f"{source}：不是格式正确的 XML（{exc}）",
                         f"{source}: not well-formed XML ({exc})") from None
    if root.tag != ROOT:
        raise HostileXml(f"{source}：根元素是 {root.tag}，不是 SPSCertificate（第17版）",
                         f"{source}: the root element is {root.tag}, not SPSCertificate "
                         f"({SPS_NS})")
    return root
