"""``python -m sandbox`` with its worker-thread work under cProfile (bench_pipeline --profile).

    python benchmarks/sandbox_profiled.py OUT.prof -m sandbox --data-dir … (the sandbox's flags)

The HTTP layer runs each platform call in a worker thread, where a plain
``python -m cProfile`` does not look. This launcher wraps the platform methods the
pipeline's push and pull call (``apply_batch``, ``changes``) with one profiler (the calls
run one at a time under the platform's write lock or are few) and writes it to
``OUT.prof`` when the sandbox stops on SIGINT. Not part of the product.
"""
from __future__ import annotations

import cProfile
import functools
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    out, rest = sys.argv[1], sys.argv[2:]
    if rest[:2] == ["-m", "sandbox"]:
        rest = rest[2:]
    from sandbox.__main__ import main as sandbox_main
    from sandbox.platform import Platform

    prof = cProfile.Profile()
    lock = threading.Lock()

    def wrap(name: str) -> None:
        orig = getattr(Platform, name)

        @functools.wraps(orig)
        def profiled(self, *a, **kw):
            with lock:
                prof.enable()
                try:
                    return orig(self, *a, **kw)
                finally:
                    prof.disable()
        setattr(Platform, name, profiled)

    for name in ("apply_batch", "changes"):
        wrap(name)
    try:
        return sandbox_main(rest)
    except KeyboardInterrupt:
        return 0
    finally:
        prof.dump_stats(out)


if __name__ == "__main__":
    raise SystemExit(main())
