"""The PDF a declarer saves: A4 pages, the CJK font embedded, and the CLI that makes it."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from client.model import to_dict
from client.model import Licence
from client.rules.sample import sample_declaration

ROOT = Path(__file__).resolve().parents[2]


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def _assert_cjk_font_embedded(path: Path) -> None:
    data = path.read_bytes()
    assert re.search(rb"/FontFile[23]?\b", data), "no embedded font program in the PDF"
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout
        rows = [ln.split() for ln in out.splitlines()[2:] if ln.strip()]
        assert rows, out
        cjk = [r for r in rows if "CJK" in r[0] or "YaHei" in r[0] or "Sim" in r[0]
               or "Hei" in r[0] or "Song" in r[0]]
        assert cjk, f"no CJK font in the PDF:\n{out}"
        # columns: name type... encoding emb sub uni id gen; 'emb' is 5th from the end
        assert all(r[-5] == "yes" for r in cjk), f"CJK font not embedded:\n{out}"


@pytest.fixture
def printing(qapp):
    try:
        from ui import printing
        printing.cjk_family()
    except Exception as exc:  # pragma: no cover - only on a box without Qt PDF or CJK fonts
        pytest.skip(f"Qt PDF rendering unavailable here: {exc}")
    return printing


def _thirty():
    """Thirty inbound lines whose licence numbers fit their box (so: sheet + continuation;
    many licences add a 附页, see test_pack_print_layout)."""
    d = sample_declaration("inbound", 30)
    for g in d.goods:
        g.licences = []
    d.goods[0].licences = [Licence("411", "2026011101")]
    return d


def test_pack_pdf_has_two_a4_pages_and_an_embedded_cjk_font(printing, codebook, tmp_path):
    d = _thirty()
    d.inspection_no = "310000126000123"
    out = tmp_path / "decl.pdf"
    pages = printing.save_declaration_pdf(d, out, codebook, date(2026, 11, 26))
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages == 2 and _pages(data) == 2
    # A4 portrait in points: 595 x 842
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box and round(float(box.group(1))) == 595 and round(float(box.group(2))) == 842
    _assert_cjk_font_embedded(out)


def test_pack_outbound_pdf_renders(printing, codebook, tmp_path):
    out = tmp_path / "out.pdf"
    assert printing.save_declaration_pdf(sample_declaration("outbound", 3), out, codebook) == 1
    _assert_cjk_font_embedded(out)


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "client", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.slow
def test_pack_cli_prints_a_stored_declaration(data_dir, tmp_path):
    d = _thirty()
    src = tmp_path / "in.json"
    src.write_text(json.dumps(to_dict(d), ensure_ascii=False), encoding="utf-8")
    assert _cli("import", str(src), data_dir=data_dir).returncode == 0
    pdf = tmp_path / "printed.pdf"
    res = _cli("print", d.id, "--pdf", str(pdf), "--date", "2026-11-26", data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    assert "2 页" in res.stdout
    assert _pages(pdf.read_bytes()) == 2
    _assert_cjk_font_embedded(pdf)


def test_pack_cli_print_unknown_id_fails_clearly(data_dir, tmp_path):
    res = _cli("print", "NO-SUCH-ID", "--pdf", str(tmp_path / "x.pdf"), data_dir=data_dir)
    assert res.returncode == 2
    assert "找不到报检单 NO-SUCH-ID" in res.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_pack_cli_print_into_missing_folder_fails_clearly(data_dir, tmp_path):
    d = sample_declaration("inbound", 1)
    src = tmp_path / "in.json"
    src.write_text(json.dumps(to_dict(d), ensure_ascii=False), encoding="utf-8")
    assert _cli("import", str(src), data_dir=data_dir).returncode == 0
    res = _cli("print", d.id, "--pdf", str(tmp_path / "nope" / "x.pdf"), data_dir=data_dir)
    assert res.returncode == 2
    assert "目录不存在" in res.stderr


def test_pack_printer_path_paints_the_same_pages(printing, codebook, tmp_path):
    """What QPrintDialog hands over is a QPrinter: print to its PDF output to check it."""
    from PySide6.QtPrintSupport import QPrinter

    from client.interchange.print_layout import build_layout

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    layout = build_layout(_thirty(), codebook)
    assert printing.paint_layout(layout, printer) == 2
    assert printer.fullPage()
    del printer
    assert _pages(out.read_bytes()) == 2
    _assert_cjk_font_embedded(out)


def test_pack_preview_dialog_renders_every_page(printing, codebook, qtbot):
    dialog = printing.preview_dialog(None, sample_declaration("outbound", 30), codebook)
    qtbot.addWidget(dialog)
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == 2
    dialog.close()


def test_pack_pdf_can_be_saved_from_a_worker_thread(printing, codebook, tmp_path):
    """The editor saves PDFs on the task runner's thread pool, off the GUI thread."""
    import threading

    out = tmp_path / "worker.pdf"
    result: dict = {}

    def work():
        try:
            result["pages"] = printing.save_declaration_pdf(_thirty(),
                                                            out, codebook)
        except Exception as exc:  # noqa: BLE001 - reported below
            result["error"] = exc

    t = threading.Thread(target=work)
    t.start()
    t.join(120)
    assert result == {"pages": 2}
    _assert_cjk_font_embedded(out)


@pytest.mark.parametrize("style", ["cjk", "latin", "mixed"])
def test_pack_longest_allowed_values_are_never_clipped(printing, codebook, tmp_path, caplog,
                                                       style):
    """Every field at its maximum length: the printout cuts nothing without saying so."""
    import logging

    from client.model import Container, Party
    piece = {"cjk": "检验检疫货物名称规格", "latin": "Inspection Goods WMW 123 ",
             "mixed": "检验Goods货物M12-"}[style]

    def text(n):
        return (piece * (n // len(piece) + 1))[:n]

    d = sample_declaration("inbound", 12)
    d.agent = Party(name_cn=text(120), reg_no="3100900001")
    d.consignee = Party(name_cn=text(255), name_en=text(255))
    d.consignor = Party(name_cn=text(255), name_en=text(255))
    d.remarks, d.marks, d.goods_location = text(400), text(400), text(100)
    d.transport_name, d.contract_no, d.bl_no = text(64), text(32), text(50)
    d.containers = [Container(number=f"CSQU{n:06d}{n % 10}", size_type="45G1")
                    for n in range(40)]
    for g in d.goods:
        g.name_cn, g.name_en = text(255), text(255)
    with caplog.at_level(logging.WARNING, logger="ui.printing"):
        printing.save_declaration_pdf(d, tmp_path / "long.pdf", codebook)
    clipped = [r.getMessage() for r in caplog.records if "clipped" in r.getMessage()]
    assert not clipped
