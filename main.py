"""CIQ Desk desktop entry point.

    python main.py [--data-dir DIR] [--lang zh|en] [--screenshot PATH [--view list|dashboard]]
                   [--demo] [--selftest] [--print-pdf ...] [--cli COMMAND ...]

``--cli`` runs the command line (``python -m client``) from the same program, so the frozen
app offers it too: ``ciqdesk-console.exe --cli import 客户A.xlsx``; ``--sandbox`` likewise
runs the local sandbox platform (``python -m sandbox``), which 试用沙箱 starts as a child.

Start-up is kept short: only Qt and the store are imported before the first paint; the
list shows its first page (200 rows) and the navigation counts come from one GROUP BY,
both loaded on the task runner right after the window appears.
"""
from __future__ import annotations

import time

_T0 = time.time()

import argparse  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

log = logging.getLogger("ciqdesk.main")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ciqdesk", description="CIQ Desk 出入境检验检疫报检客户端")
    p.add_argument("--data-dir", help="profile directory (default: CIQDESK_DATA_DIR or the "
                                      "per-user data directory)")
    p.add_argument("--store", metavar="URL",
                   help="the office store postgresql+psycopg://user@host/db (default: "
                        "CIQDESK_STORE_URL, the first-run choice, or the profile's SQLite file)")
    p.add_argument("--lang", choices=("zh", "en"), help="UI language (default: last used, zh)")
    p.add_argument("--screenshot", metavar="PATH",
                   help="render the main window at 1280x800 offscreen, write a PNG, exit")
    p.add_argument("--view", choices=("list", "dashboard"), default="list",
                   help="with --screenshot: which page to show")
    p.add_argument("--demo", action="store_true",
                   help="start the sandbox platform and show a full declaration life cycle")
    p.add_argument("--selftest", action="store_true", help="check the installation and exit")
    p.add_argument("--print-pdf", nargs=argparse.REMAINDER,
                   help="render declarations to PDF (see --print-pdf --help)")
    p.add_argument("--cli", nargs=argparse.REMAINDER,
                   help="run a command-line command (as python -m client) and exit")
    p.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--cli":
        from client.cli.main import main as cli_main
        return cli_main(argv[1:])
    if argv and argv[0] == "--sandbox":  # 试用沙箱 in the frozen app (ui/sandbox_child.py)
        return _sandbox_main(argv[1:])
    if "--print-pdf" in argv:
        from ui.print_pdf import main as print_main
        return print_main(argv[argv.index("--print-pdf") + 1:])
    args = _parser().parse_args(argv)
    if args.selftest:
        from ui.selftest import run
        return run()
    if args.screenshot or args.startup_probe:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from client import paths
    from client.logs import setup_logging

    paths.configure(args.data_dir)
    if args.store:
        paths.configure_store(args.store)
    profile = paths.resolve()
    profile.ensure()
    setup_logging(profile.logs)
    log.info("CIQ Desk starting, profile %s", profile.data_dir)

    from PySide6.QtCore import QSettings, QTimer

    from ui.app import create_app
    from ui.i18n import Language

    app = create_app([sys.argv[0]])
    settings = QSettings(str(profile.data_dir / "ui.ini"), QSettings.Format.IniFormat)
    language = Language(settings)
    lang = args.lang or Language.saved(settings) or "zh"
    language.set_language(lang, remember=bool(args.lang))

    profile_lock = None
    if not (args.screenshot or args.startup_probe):  # one app per profile
        from ui.single_instance import EXIT_IN_USE, claim
        profile_lock = claim(profile.data_dir, lang)
        if profile_lock is None:
            return EXIT_IN_USE

    from ui.dialogs.store_error import open_desk_or_recover
    desk = open_desk_or_recover(profile.data_dir, lang)  # damaged store: restore or elsewhere
    if desk is None:
        return 2

    from ui.context import AppContext, AppEvents
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    from PySide6.QtCore import QThreadPool
    pool = QThreadPool.globalInstance()
    # jobs wait on SQLite and the network more than on the CPU: a sync in progress must
    # not leave the list's queries queued behind it on a two-core machine
    pool.setMaxThreadCount(max(4, pool.maxThreadCount()))
    ctx = AppContext(desk, TaskRunner(pool), AppEvents(), lang=lang, language=language,
                     settings=settings)
    win = MainWindow(ctx, use_tray=not (args.screenshot or args.startup_probe))
    win.resize(1280, 800)
    geometry = settings.value("ui/geometry")
    if geometry is not None and not args.screenshot:
        win.restoreGeometry(geometry)
    win.show()
    if profile_lock is not None:
        from ui.single_instance import bring_to_front
        profile_lock.activated.connect(lambda: bring_to_front(win))

    if args.startup_probe:
        return _probe(app, win, ctx)
    if args.screenshot:
        return _screenshot(app, win, ctx, args.screenshot, args.view)

    log.info("window shown after %.0f ms", (time.time() - _T0) * 1000)
    QTimer.singleShot(0, lambda: _after_first_paint(win, ctx, args))
    if os.environ.get("CIQDESK_TEST_TYPING"):  # test hook, see ui/editor/typing_hook.py
        from ui.editor import typing_hook
        QTimer.singleShot(0, lambda: typing_hook.run(ctx, os.environ["CIQDESK_TEST_TYPING"]))
    code = app.exec()
    settings.setValue("ui/geometry", win.saveGeometry())
    ctx.runner.wait(5000)
    from ui.sandbox_child import stop_children
    stop_children(ctx)  # the demo's or 试用沙箱's sandbox process
    desk.close()
    if profile_lock is not None:
        profile_lock.release()
    return code


def _sandbox_main(argv: list[str]) -> int:
    """``--sandbox ARGS``: the local sandbox platform (as ``python -m sandbox``)."""
    try:
        from sandbox.__main__ import main as sandbox_main
    except ImportError as exc:
        print(f"本安装包不含试用沙箱 / this build has no sandbox: {exc}", file=sys.stderr)
        return 2
    return sandbox_main(argv)


def _after_first_paint(win, ctx, args) -> None:
    """Work that may wait until the window is on screen: sync engine, demo, templates."""
    win.refresh_templates()
    win.offer_unfinished_batches()
    win.store_watch.start()
    if args.demo:
        from ui.demo import DemoController
        demo = DemoController(ctx, win)
        ctx.demo = demo
        demo.start()
        return
    ctx.runner.run(_existing_engine, ctx.desk,
                   on_done=lambda found: _use_engine(win, *found),
                   on_error=lambda exc: log.warning("sync engine unavailable: %r", exc))


def _existing_engine(desk):
    """``(engine, trial)``: a sync engine when this profile has logged in before, else
    ``None``; and the 试用沙箱 sandbox started again when the saved login is its address."""
    from client.sync.engine import SyncEngine
    from ui.sandbox_child import resume_trial
    engine = SyncEngine(desk)
    url, user = engine.account()
    if not (url and user):
        return None, None
    return engine, resume_trial(desk.paths, url)


def _use_engine(win, engine, trial=None) -> None:
    """Sync with the saved login; without one, offer the login once (first run)."""
    if trial is not None:
        win.ctx.trial = trial  # stopped with the app
    if engine is not None:
        win.sync.set_engine(engine)
    win.start_sync()
    settings = win.ctx.settings
    if engine is None and settings is not None and not settings.value("ui/first_run_done"):
        settings.setValue("ui/first_run_done", True)
        try:
            win.show_login()
        except Exception:  # noqa: BLE001 - a missing keyring must not stop the app
            log.exception("first-run login dialog unavailable")


def _wait_idle(app, ctx, timeout_s: float = 20.0) -> None:
    from PySide6.QtCore import QEventLoop
    deadline = time.time() + timeout_s
    idle_rounds = 0
    while time.time() < deadline and idle_rounds < 3:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        ctx.runner.wait(100)
        idle_rounds = idle_rounds + 1 if not ctx.runner.busy else 0


def _screenshot(app, win, ctx, path: str, view: str) -> int:
    """Wait for the first page and counts, render the window, write ``path``."""
    _wait_idle(app, ctx)
    if view == "dashboard":
        win.nav.select("dashboard")
        _wait_idle(app, ctx)
    else:
        win.list.table.selectRow(0)
    app.processEvents()
    image = win.grab()
    ok = image.save(path, "PNG")
    log.info("screenshot %s written: %s", path, ok)
    win.close()
    ctx.runner.wait(5000)
    ctx.desk.close()
    return 0 if ok else 1


def _probe(app, win, ctx) -> int:
    """Benchmark hook: print when the window first painted and when its rows arrived."""
    from PySide6.QtCore import QEvent, QObject

    marks: dict[str, float] = {}

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and "paint" not in marks:
                marks["paint"] = time.time()
            return False
    f = Painted()
    win.list.table.viewport().installEventFilter(f)
    while "paint" not in marks:
        app.processEvents()
    _wait_idle(app, ctx)
    marks["rows"] = time.time()
    print(f"first-paint-epoch {marks['paint']:.4f}")
    print(f"rows-shown-epoch {marks['rows']:.4f} rows={win.list.model.rowCount()}")
    print(f"in-process-paint-ms {(marks['paint'] - _T0) * 1000:.0f}", flush=True)
    win.close()
    ctx.runner.wait(5000)
    return 0


if __name__ == "__main__":
    # a large workbook import prepares parts in worker processes (spawn): in the frozen
    # app each is this program started again, and freeze_support turns it into the worker
    import multiprocessing
    multiprocessing.freeze_support()
    sys.exit(main())
