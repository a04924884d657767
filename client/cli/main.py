"""Argument parsing, the shared context, and the error policy of every command.

Each command module in :data:`COMMAND_MODULES` exposes ``register(subparsers)``, which adds
its sub-commands with ``set_defaults(func=...)``; a ``func(ctx) -> int`` returns the exit
code. Modules import heavy libraries inside their functions, not at the top, so that
``python -m client list`` starts fast.

Exit codes: 0 success; 1 the work was done but found problems (invalid declarations,
items not imported, rejected submissions); 2 input could not be read or the environment
refused (missing file, offline, keyring locked, a damaged or unreachable store); 3 an
internal error (a bug: see the log); 141 the reader of the output went away (``| head``).
"""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from dataclasses import dataclass
from typing import Any

from .. import paths
from ..errors import DeskError, describe

log = logging.getLogger(__name__)

#: command modules, in help order; each registers its own sub-commands
COMMAND_MODULES = ["client.cli.drafts", "client.cli.bin_cmds"]
#: modules added when present (written by other parts of the project as they land)
OPTIONAL_COMMAND_MODULES = ["client.cli.sync_cmds", "client.cli.batch_cmds",
                            "client.cli.print_cmd", "client.cli.template_cmds",
                            "client.cli.ecert_cmds", "client.cli.origin_cmds",
                            "client.cli.ecom_cmds", "client.cli.office_cmds"]


@dataclass
class Context:
    """What a command gets: its parsed arguments, the language and a lazily opened Desk."""

    args: argparse.Namespace
    lang: str
    _desk: Any = None

    def desk(self):
        if self._desk is None:
            from ..services import Desk
            self._desk = Desk.open(self.args.data_dir)
        return self._desk

    def t(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def print_json(self, obj: Any) -> None:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")

    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()


#: commands whose module is known without importing the others: ``python -m client list``
#: builds only its own sub-parser (every other command, and ``--help``, builds them all)
FAST_COMMANDS = {"list": "client.cli.drafts", "export": "client.cli.drafts",
                 "history": "client.cli.drafts"}


def _command_word(argv: list[str]) -> str | None:
    """The command of ``argv`` (the first word that is not a global option or its value)."""
    it = iter(argv)
    for word in it:
        if word in ("--data-dir", "--lang"):
            next(it, None)
        elif not word.startswith("-"):
            return word
        elif not word.startswith(("--data-dir=", "--lang=")):
            return None  # -h or an unknown option: the full parser answers
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given ``argv`` of a :data:`FAST_COMMANDS` command, only
    that command's module is imported and registered."""
    fast = FAST_COMMANDS.get(_command_word(argv) or "") if argv is not None else None
    p = argparse.ArgumentParser(prog="python -m client",
                                description="CIQ Desk 报检客户端命令行 / CIQ Desk command line")
    p.add_argument("--data-dir", help="数据目录（默认为用户数据目录，或环境变量 CIQDESK_DATA_DIR）")
    p.add_argument("--store", metavar="URL",
                   help="办公室数据库 postgresql+psycopg://用户@主机/库（默认为数据目录中的 SQLite，"
                        "或环境变量 CIQDESK_STORE_URL）")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    if fast is not None:
        importlib.import_module(fast).register(sub)
        return p
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for name in OPTIONAL_COMMAND_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        mod.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if args.data_dir:
        paths.configure(args.data_dir)
    if args.store:
        paths.configure_store(args.store)
    ctx = Context(args, args.lang)
    try:
        from ..logs import setup_logging
        setup_logging(paths.resolve().logs)
        code = int(args.func(ctx) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except DeskError as exc:
        print(describe(exc, ctx.lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(ctx.t("已取消", "cancelled"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as exc:  # noqa: BLE001 - the store's environment, else a bug
        damaged = _store_error(exc)
        if damaged is not None:
            log.warning("store error in %s: %s", args.command, damaged.message_en)
            print(damaged.message(ctx.lang), file=sys.stderr)
            return damaged.exit_code
        if isinstance(exc, OSError):  # disk full, permissions: the environment, not a bug
            log.warning("environment error: %s", exc)
            print(describe(exc, ctx.lang), file=sys.stderr)
            return 2
        log.exception("internal error in %s", args.command)
        print(describe(exc, ctx.lang, where=paths.resolve().logs / "ciqdesk.log"),
              file=sys.stderr)
        return 3
    finally:
        ctx.close()


def _store_error(exc: BaseException):
    """The :class:`~client.store.damage.DamagedStore` an SQLite/disk failure means, or None."""
    profile = paths.resolve()
    if profile.store_url:  # the office store: a lost server, never a "damaged file"
        from ..store.office import unreachable
        return unreachable(exc, profile.store_url)
    from ..store.damage import store_error_from
    return store_error_from(exc, profile.db)


def _closed_pipe() -> int:
    """The reader of our output went away (``| head``): stop quietly, as Python's docs say.

    stdout is pointed at devnull so the interpreter's final flush cannot fail again; the
    exit code is the shell's for SIGPIPE (128 + 13).
    """
    import os
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 141
