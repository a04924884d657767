"""E13xx — check characters, computed by python-stdnum (never by hand):
``stdnum.cn.uscc`` for unified social credit codes (GB 32100-2015) and ``stdnum.iso6346``
for container numbers.

The value must be written exactly in its canonical compact form (checked first, by a
precompiled pattern: stdnum would quietly accept ``9131 0115...`` or lower case, but the
platform compares codes as text); the check character itself is always computed by
stdnum's ``calc_check_digit``. Results are memoised per value (the same enterprises'
codes come back all day).
"""
from __future__ import annotations

from functools import lru_cache

from stdnum import iso6346
from stdnum.cn import uscc

from ._common import CONTAINER_RE, USCC_RE, issue, lbl, show
from .registry import rule

PARTIES = ("declarant", "agent", "consignee", "consignor")


def uscc_problem(value: str) -> str | None:
    """``None`` if valid, ``"checksum"`` for a wrong check character, else ``"format"``."""
    return "format" if len(value) != 18 else _uscc_problem(value)


def container_problem(value: str) -> str | None:
    """Same, for an ISO 6346 container number."""
    return "format" if len(value) != 11 else _container_problem(value)


@lru_cache(maxsize=8192)
def _uscc_problem(value: str) -> str | None:
    # The canonical-form check (our format rule) guarantees what stdnum's validate() would
    # check besides the check character, so only the check character is left to stdnum:
    # calc_check_digit() is half the cost of validate().
    if not USCC_RE.fullmatch(value):
        return "format"
    try:
        return None if uscc.calc_check_digit(value[:17]) == value[17] else "checksum"
    except Exception:  # noqa: BLE001 - stdnum on exotic input: treat as malformed
        return "format"


@lru_cache(maxsize=8192)
def _container_problem(value: str) -> str | None:
    if not CONTAINER_RE.fullmatch(value):
        return "format"
    try:
        return None if iso6346.calc_check_digit(value[:10]) == value[10] else "checksum"
    except Exception:  # noqa: BLE001
        return "format"


def _usccs(decl):
    out = []
    for role in PARTIES:
        p = getattr(decl, role)
        if p is not None:
            v = p.uscc
            if v and isinstance(v, str):
                out.append((role, v))
    return out


@rule("E1301", "error", "declarant.uscc", "统一社会信用代码应为18位（8位数字+9位机构代码+1位校验码）",
      "A USCC has 18 characters: 8 digits, 9 organisation characters, 1 check character.", scope="parties")
def uscc_format(decl, ctx):
    out = None
    for role, v in _usccs(decl):
        if uscc_problem(v) == "format":
            path = f"{role}.uscc"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1301", path,
                             f"{zh}“{show(v)}”格式不正确：应为18位，前8位为数字，其余为数字或大写字母"
                             f"（不含I、O、Z、S、V），中间不留空格，请按营业执照填写",
                             f"The {en} \"{show(v)}\" is malformed: 18 characters, the first 8 "
                             f"digits, the rest digits or capital letters (no I, O, Z, S, V), no "
                             f"spaces; copy it from the business licence."))
    return out


@rule("E1302", "error", "declarant.uscc", "统一社会信用代码校验码错误",
      "The USCC's check character is wrong.", scope="parties")
def uscc_check_character(decl, ctx):
    out = None
    for role, v in _usccs(decl):
        if uscc_problem(v) == "checksum":
            path = f"{role}.uscc"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1302", path,
                             f"{zh}“{v}”校验码不正确（最后一位应为 {uscc.calc_check_digit(v[:17])}），"
                             f"多为录入错误，请按营业执照核对",
                             f"The {en} \"{v}\" has a wrong check character (the last one should "
                             f"be {uscc.calc_check_digit(v[:17])}); probably a typing error: check "
                             f"it against the business licence."))
    return out


@rule("E1303", "error", "containers[].number", "集装箱号应为4位字母（第4位为U/J/Z）+7位数字",
      "Container numbers are 4 letters (the 4th U, J or Z) and 7 digits.", scope="containers")
def container_number_format(decl, ctx):
    out = None
    for i, c in enumerate(decl.containers or ()):
        v = c.number
        if isinstance(v, str) and v and container_problem(v) == "format":
            path = f"containers[{i}].number"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1303", path,
                             f"{zh}“{show(v)}”格式不正确：应为4位大写字母（第4位为U、J或Z）加7位数字，"
                             f"如 CSQU3054383，中间不留空格",
                             f"The {en} \"{show(v)}\" is malformed: 4 capital letters (the 4th U, J "
                             f"or Z) and 7 digits, e.g. CSQU3054383, no spaces."))
    return out


@rule("E1304", "error", "containers[].number", "集装箱号校验位错误",
      "The container number's check digit is wrong.", scope="containers")
def container_check_digit(decl, ctx):
    out = None
    for i, c in enumerate(decl.containers or ()):
        v = c.number
        if isinstance(v, str) and v and container_problem(v) == "checksum":
            path = f"containers[{i}].number"
            zh, en = lbl(path)
            want = iso6346.calc_check_digit(v[:10])
            out = out or []
            out.append(issue("E1304", path,
                             f"{zh}“{v}”校验位不正确（最后一位应为 {want}），请按箱体或提单核对箱号",
                             f"The {en} \"{v}\" has a wrong check digit (it should end in {want}): "
                             f"check the number on the box or the B/L."))
    return out
