"""The Recommendation 19 ↔ eCIQ 运输方式 table (resources/ecert/transport_rec19.csv)."""
from __future__ import annotations

from client.ecert import tables

#: /work/shared/spec/codes/ciq/transport_modes_eciq.csv: the 报检单's transport codes
ECIQ = {"1": "水路", "2": "铁路", "3": "公路", "4": "航空", "5": "旅客携带", "6": "管道",
        "9": "其他"}


def test_every_rec19_mode_gives_an_eciq_code():
    t = tables.transport()
    got = {rec19: t.to_desk[rec19] for rec19 in "0123456789"}
    assert set(got.values()) <= set(ECIQ)
    assert (got["1"], got["8"]) == ("1", "1")        # maritime, inland water → 水路
    assert (got["2"], got["3"], got["4"]) == ("2", "3", "4")
    assert got["7"] == "6"                           # fixed installation → 管道
    assert got["5"] == "9"                           # mail is 其他 in eCIQ (not 6)
    assert got["0"] == got["6"] == got["9"] == "9"


def test_every_eciq_code_goes_out_as_one_rec19_mode():
    t = tables.transport()
    assert set(t.to_std) == set(ECIQ)
    assert [t.to_std[c] for c in "12346"] == ["1", "2", "3", "4", "7"]
    # back in, what went out is the same eCIQ code (5 旅客携带 has no Rec 19 mode: 0 → 9)
    assert all(t.to_desk[t.to_std[c]] == c for c in "123469")
