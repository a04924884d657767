"""E16xx — 三通两直 (clearance integration): the direct modes and cross-bureau
declaring/release, judged against the integration regions (``codes/regions.csv``).

Bureau codes that are unknown are E1403's business; these rules only speak about bureaus
they know (a bureau in no region simply shares a region with nobody).
"""
from __future__ import annotations

from ._common import issue, lookups, regions_text, same_region
from .registry import rule

_MODE_ZH = {"import_direct": "进口直通", "import_transfer": "进口转单", "export_direct": "出口直放"}


def _bname(lk, code):
    name = lk.bureau_names.get(code)
    return f"{code}（{name}）" if name else str(code)


@rule("E1601", "error", "clearance_mode", "进口直通/进口转单只能用于入境报检",
      "import_direct and import_transfer are for inbound declarations only.")
def import_modes_inbound(decl, ctx):
    m = decl.clearance_mode
    if m in ("import_direct", "import_transfer") and decl.direction == "outbound":
        return [issue("E1601", "clearance_mode",
                      f"{_MODE_ZH[m]}（{m}）只能用于入境报检，本单为出境：请改为一般通关或出口直放",
                      f"{m} is for inbound declarations only, this one is outbound: choose "
                      f"standard or export_direct.")]
    return None


@rule("E1602", "error", "clearance_mode", "出口直放只能用于出境报检",
      "export_direct is for outbound declarations only.")
def export_direct_outbound(decl, ctx):
    if decl.clearance_mode == "export_direct" and decl.direction == "inbound":
        return [issue("E1602", "clearance_mode",
                      "出口直放（export_direct）只能用于出境报检，本单为入境：请改为一般通关、进口直通或进口转单",
                      "export_direct is for outbound declarations only, this one is inbound: "
                      "choose standard, import_direct or import_transfer.")]
    return None


def _direct_bureaus(code_diff, code_region, mode, direction, zh_sum_diff, en_sum_diff,
                    zh_sum_region, en_sum_region):
    """Two rules for one direct mode: port ≠ inspect bureau, and both in one region."""

    def applies(decl):
        return (decl.clearance_mode == mode and decl.direction != _OTHER[direction]
                and isinstance(decl.port_bureau, str) and decl.port_bureau
                and isinstance(decl.inspect_bureau, str) and decl.inspect_bureau)

    def differ(decl, ctx):
        if applies(decl) and decl.port_bureau == decl.inspect_bureau:
            lk = lookups(ctx)
            return [issue(code_diff, "inspect_bureau",
                          f"{_MODE_ZH[mode]}要求口岸机构与施检机构不同，本单均为 "
                          f"{_bname(lk, decl.port_bureau)}：同一机构通关请选一般通关（standard）",
                          f"{mode} needs different port and inspecting bureaus, both are "
                          f"{decl.port_bureau}: use standard clearance within one bureau.")]
        return None

    def region(decl, ctx):
        if not applies(decl) or decl.port_bureau == decl.inspect_bureau:
            return None
        lk = lookups(ctx)
        p, i = decl.port_bureau, decl.inspect_bureau
        if p in lk.bureaus and i in lk.bureaus and not same_region(lk, p, i):
            pz, pe = regions_text(lk, p)
            iz, ie = regions_text(lk, i)
            return [issue(code_region, "inspect_bureau",
                          f"{_MODE_ZH[mode]}要求口岸机构与施检机构在同一通关一体化区域："
                          f"口岸机构 {_bname(lk, p)}{pz}，施检机构 {_bname(lk, i)}{iz}；"
                          f"请改为一般通关或更换机构",
                          f"{mode} needs the port and inspecting bureaus in one integration "
                          f"region: port bureau {p} {pe}, inspecting bureau {i} {ie}; use "
                          f"standard clearance or other bureaus.")]
        return None

    differ.__name__ = differ.__qualname__ = f"{mode}_bureaus_differ"
    region.__name__ = region.__qualname__ = f"{mode}_same_region"
    rule(code_diff, "error", "inspect_bureau", zh_sum_diff, en_sum_diff)(differ)
    rule(code_region, "error", "inspect_bureau", zh_sum_region, en_sum_region)(region)


_OTHER = {"inbound": "outbound", "outbound": "inbound"}

_direct_bureaus("E1603", "E1604", "import_direct", "inbound",
                "进口直通：口岸机构与施检（目的地）机构应不同",
                "import_direct: the port bureau differs from the inspecting (destination) bureau.",
                "进口直通：口岸机构与施检机构应在同一通关一体化区域",
                "import_direct: port and inspecting bureau lie in one integration region.")
_direct_bureaus("E1605", "E1606", "export_direct", "outbound",
                "出口直放：施检（产地）机构与口岸机构应不同",
                "export_direct: the inspecting (origin) bureau differs from the port bureau.",
                "出口直放：施检机构与口岸机构应在同一通关一体化区域",
                "export_direct: inspecting and port bureau lie in one integration region.")


def _cross_bureau(code, name, zh_role, en_role):
    def check(decl, ctx):
        b, i = getattr(decl, name), decl.inspect_bureau
        if not (isinstance(b, str) and b and isinstance(i, str) and i) or b == i:
            return None
        lk = lookups(ctx)
        if b in lk.bureaus and i in lk.bureaus and not same_region(lk, b, i):
            bz, be = regions_text(lk, b)
            iz, ie = regions_text(lk, i)
            return [issue(code, name,
                          f"{zh_role} {_bname(lk, b)} 与施检机构 {_bname(lk, i)} 不同，"
                          f"须在同一通关一体化区域：{zh_role}{bz}，施检机构{iz}；"
                          f"请在施检机构或同区域机构办理",
                          f"The {en_role} {b} differs from the inspecting bureau {i} and must "
                          f"then lie in its integration region: {b} {be}, {i} {ie}; use the "
                          f"inspecting bureau or one in its region.")]
        return None

    check.__name__ = check.__qualname__ = f"{name}_in_inspect_region"
    return rule(code, "error", name, f"{zh_role}与施检机构不同时须在同一通关一体化区域（通报/通放）",
                f"A {en_role} other than the inspecting bureau lies in its integration region.")(check)


_cross_bureau("E1607", "declare_bureau", "受理机构", "declaring bureau")
_cross_bureau("E1608", "release_bureau", "领证/放行机构", "release bureau")
