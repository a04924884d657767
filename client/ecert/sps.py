"""The SPSCertificate 17 profile CIQ Desk issues and reads: building and reading the XML.

:func:`build` turns a declaration (interchange JSON, ``ciqdesk/declaration@1``) into an
unsigned ``SPSCertificate`` element for one requested certificate type; :func:`read` turns
a parsed certificate (ours or a foreign one) back into a plain :class:`Certificate`. The
profile is written down in ``resources/schemas/sps_certificate_17_ciqdesk.xsd``. Names are
given per language (``languageID`` ``zh``/``en``) so a round trip keeps both.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Sequence

from ..ciq.upgrade import eciq_transport
from ..codes import default_codebook
from . import tables
from .xmlsafe import SPS_NS

RAM_NS = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21"
UDT_NS = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:21"
NSMAP = {"rsm": SPS_NS, "ram": RAM_NS, "udt": UDT_NS}
STATUS_ISSUED, STATUS_CANCELLED = "70", "40"
#: the notes of a replacement certificate (ePhyto practice)
REPLACEMENT_NOTES = ("ADRP", "ADRPN", "ADRPR", "ADRD")

_R = f"{{{RAM_NS}}}"
_S = f"{{{SPS_NS}}}"


@dataclass
class Line:
    """One goods line as the certificate carries it (weights already in kg)."""

    seq: int | None = None
    name_en: str | None = None
    name_cn: str | None = None
    hs_codes: list[str] = field(default_factory=list)
    net_weight_kg: Decimal | None = None
    gross_weight_kg: Decimal | None = None
    package_rec21: str | None = None
    package_count: int | None = None
    origin_country: str | None = None  # alpha-2
    intended_use: str | None = None


@dataclass
class Certificate:
    """What an SPS e-certificate says, read back from its XML."""

    number: str = ""
    name: str = ""
    type_code: str = ""
    status_code: str = ""
    issued_at: str = ""
    issuer: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    reference: str | None = None
    consignor: dict = field(default_factory=dict)   # {name_en, name_cn, id, country}
    consignee: dict = field(default_factory=dict)
    export_country: str | None = None
    import_country: str | None = None
    unloading_port: str | None = None
    transport_mode: str | None = None               # Rec 19
    transport_name: str | None = None
    containers: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def cancelled(self) -> bool:
        return self.status_code == STATUS_CANCELLED


def _el(parent, tag: str, text=None, **attrs):
    from lxml import etree
    e = etree.SubElement(parent, tag, {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        e.text = str(text)
    return e


def _names(parent, tag: str, zh: str | None, en: str | None) -> None:
    if en:
        _el(parent, _R + tag, en, languageID="en")
    if zh:
        _el(parent, _R + tag, zh, languageID="zh")


def _party(parent, tag: str, p: dict | None, country2: str | None) -> None:
    p = p or {}
    e = _el(parent, _R + tag)
    if p.get("uscc"):
        _el(e, _R + "ID", p["uscc"], schemeID="USCC")
    _names(e, "Name", p.get("name_cn"), p.get("name_en"))
    if not p.get("name_cn") and not p.get("name_en"):
        _el(e, _R + "Name", "-")
    if country2:
        a = _el(e, _R + "SpecifiedSPSAddress")
        _el(a, _R + "CountryID", country2)


def build(decl: dict, *, number: str, desk_type: str, issued_at: str, issuer_id: str,
          issuer_name: str, notes: Sequence[tuple[str, str]] = (), status: str = STATUS_ISSUED):
    """An unsigned ``SPSCertificate`` element for ``decl``'s certificate ``desk_type``."""
    from lxml import etree
    ct = tables.certificate_type(desk_type)
    if ct is None:
        raise ValueError(f"certificate type {desk_type} is not issued electronically")
    root = etree.Element(_S + "SPSCertificate", nsmap=NSMAP)
    doc = _el(root, _S + "SPSExchangedDocument")
    _el(doc, _R + "Name", f"{ct['name_en']} / {ct['name_cn']}")
    _el(doc, _R + "ID", number)
    _el(doc, _R + "TypeCode", ct["type_code"])
    _el(doc, _R + "StatusCode", status)
    when = _el(doc, _R + "IssueDateTime")
    _el(when, f"{{{UDT_NS}}}DateTimeString", issued_at, formatCode="205")
    iss = _el(doc, _R + "IssuerSPSParty")
    _el(iss, _R + "ID", issuer_id)
    _el(iss, _R + "Name", issuer_name)
    for subject, content in notes:
        n = _el(doc, _R + "IncludedSPSNote")
        _el(n, _R + "Subject", subject)
        _el(n, _R + "Content", content)
    if decl.get("inspection_no"):
        ref = _el(doc, _R + "ReferenceSPSReferencedDocument")
        _el(ref, _R + "TypeCode", "ACD")   # UNCL 1153: reference of the application
        _el(ref, _R + "ID", decl["inspection_no"])
    sig = _el(doc, _R + "SignatorySPSAuthentication")
    w = _el(sig, _R + "ActualDateTime")
    _el(w, f"{{{UDT_NS}}}DateTimeString", issued_at, formatCode="205")
    prov = _el(sig, _R + "ProviderSPSParty")
    _el(prov, _R + "Name", issuer_name)

    outbound = decl.get("direction") != "inbound"
    exp2 = "CN" if outbound else tables.alpha2(decl.get("departure_country"))
    imp2 = tables.alpha2(decl.get("destination_country")) if outbound else "CN"
    con = _el(root, _S + "SPSConsignment")
    _party(con, "ConsignorSPSParty", decl.get("consignor"), exp2)
    _party(con, "ConsigneeSPSParty", decl.get("consignee"), imp2)
    if exp2:
        _el(_el(con, _R + "ExportSPSCountry"), _R + "ID", exp2)
    if imp2:
        _el(_el(con, _R + "ImportSPSCountry"), _R + "ID", imp2)
    port = decl.get("arrival_port") if outbound else decl.get("entry_exit_port")
    if port:
        _el(_el(con, _R + "UnloadingBaseportSPSLocation"), _R + "ID", port)
    if decl.get("inspect_bureau"):
        ev = _el(con, _R + "ExaminationSPSEvent")
        _el(_el(ev, _R + "OccurrenceSPSLocation"), _R + "ID", decl["inspect_bureau"])
    # Rec 19 is read from the eCIQ code; a payload in customs terms is mapped first (issue 13)
    mode = tables.transport().to_std.get(eciq_transport(decl, default_codebook()) or "")
    if mode or decl.get("transport_name"):
        mv = _el(con, _R + "MainCarriageSPSTransportMovement")
        _el(mv, _R + "ModeCode", mode or "0")
        if decl.get("transport_name"):
            _el(_el(mv, _R + "UsedSPSTransportMeans"), _R + "Name", decl["transport_name"])
    for c in decl.get("containers") or ():
        if c.get("number"):
            _el(_el(con, _R + "UtilizedSPSTransportEquipment"), _R + "ID", c["number"])
    item = _el(con, _R + "IncludedSPSConsignmentItem")
    for i, g in enumerate(decl.get("goods") or (), 1):
        li = _el(item, _R + "IncludedSPSTradeLineItem")
        _el(li, _R + "SequenceNumeric", g.get("seq") or i)
        _el(li, _R + "Description", g.get("name_en") or g.get("name_cn") or "-",
            languageID="en" if g.get("name_en") else "zh")
        if g.get("name_cn"):
            _el(li, _R + "CommonName", g["name_cn"], languageID="zh")
        if g.get("net_weight_kg"):
            _el(li, _R + "NetWeightMeasure", g["net_weight_kg"], unitCode="KGM")
        if g.get("gross_weight_kg"):
            _el(li, _R + "GrossWeightMeasure", g["gross_weight_kg"], unitCode="KGM")
        if g.get("hs_code"):
            cl = _el(li, _R + "ApplicableSPSClassification")
            _el(cl, _R + "SystemName", "HS")
            _el(cl, _R + "ClassCode", g["hs_code"])
        pkg = tables.packages().to_std.get(str(g.get("package_type") or ""))
        if pkg:
            pk = _el(li, _R + "PhysicalSPSPackage")
            _el(pk, _R + "LevelCode", "1")
            _el(pk, _R + "TypeCode", pkg)
            _el(pk, _R + "ItemQuantity", int(g.get("package_count") or 0))
        o2 = tables.alpha2(g.get("origin_country"))
        if o2:
            _el(_el(li, _R + "OriginSPSCountry"), _R + "ID", o2)
    return root


# -------------------------------------------------------------------------- reading

def _t(e, path: str) -> str | None:
    found = e.find(path, NSMAP) if e is not None else None
    return found.text.strip() if found is not None and found.text else None


def _by_lang(e, tag: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for n in e.findall(f"ram:{tag}", NSMAP) if e is not None else ():
        lang = (n.get("languageID") or "en").lower()[:2]
        if n.text and n.text.strip() != "-":
            out.setdefault(lang, n.text.strip())
    return out


def _read_party(e) -> dict:
    if e is None:
        return {}
    names = _by_lang(e, "Name")
    return {"name_en": names.get("en"), "name_cn": names.get("zh"), "id": _t(e, "ram:ID"),
            "country": _t(e, "ram:SpecifiedSPSAddress/ram:CountryID")}


def _dec(e, tag: str) -> Decimal | None:
    m = e.find(f"ram:{tag}", NSMAP)
    if m is None or not m.text:
        return None
    try:
        v = Decimal(m.text.strip())
    except InvalidOperation:
        return None
    factor = tables.WEIGHT_UNITS.get((m.get("unitCode") or "KGM").upper())
    return None if factor is None else (v * factor).normalize()


def read(root) -> Certificate:
    """The :class:`Certificate` an ``SPSCertificate`` element holds (no validation here)."""
    doc = root.find("rsm:SPSExchangedDocument", NSMAP)
    con = root.find("rsm:SPSConsignment", NSMAP)
    c = Certificate(
        number=_t(doc, "ram:ID") or "", name=_t(doc, "ram:Name") or "",
        type_code=_t(doc, "ram:TypeCode") or "", status_code=_t(doc, "ram:StatusCode") or "",
        issued_at=_t(doc, "ram:IssueDateTime/udt:DateTimeString") or "",
        issuer=_t(doc, "ram:IssuerSPSParty/ram:Name") or "",
        reference=_t(doc, "ram:ReferenceSPSReferencedDocument/ram:ID"))
    for n in doc.findall("ram:IncludedSPSNote", NSMAP) if doc is not None else ():
        subject = _t(n, "ram:Subject")
        if subject:
            c.notes[subject] = _t(n, "ram:Content") or ""
    if con is None:
        return c
    c.consignor = _read_party(con.find("ram:ConsignorSPSParty", NSMAP))
    c.consignee = _read_party(con.find("ram:ConsigneeSPSParty", NSMAP))
    c.export_country = _t(con, "ram:ExportSPSCountry/ram:ID")
    c.import_country = _t(con, "ram:ImportSPSCountry/ram:ID")
    c.unloading_port = _t(con, "ram:UnloadingBaseportSPSLocation/ram:ID")
    c.transport_mode = _t(con, "ram:MainCarriageSPSTransportMovement/ram:ModeCode")
    c.transport_name = _t(con, "ram:MainCarriageSPSTransportMovement/"
                               "ram:UsedSPSTransportMeans/ram:Name")
    c.containers = [x.text.strip() for x in con.findall(
        "ram:UtilizedSPSTransportEquipment/ram:ID", NSMAP) if x.text]
    for li in con.findall("ram:IncludedSPSConsignmentItem/ram:IncludedSPSTradeLineItem", NSMAP):
        seq = _t(li, "ram:SequenceNumeric")
        desc = _by_lang(li, "Description")
        common = _by_lang(li, "CommonName")
        qty = _t(li, "ram:PhysicalSPSPackage/ram:ItemQuantity")
        c.lines.append(Line(
            seq=int(seq) if seq and seq.isdigit() else None,
            name_en=desc.get("en") or common.get("en"),
            name_cn=common.get("zh") or desc.get("zh"),
            hs_codes=[x.text.strip() for x in li.findall(
                "ram:ApplicableSPSClassification/ram:ClassCode", NSMAP) if x.text],
            net_weight_kg=_dec(li, "NetWeightMeasure"),
            gross_weight_kg=_dec(li, "GrossWeightMeasure"),
            package_rec21=_t(li, "ram:PhysicalSPSPackage/ram:TypeCode"),
            package_count=int(qty) if qty and qty.isdigit() else None,
            origin_country=_t(li, "ram:OriginSPSCountry/ram:ID"),
            intended_use=_t(li, "ram:IntendedUse")))
    return c
