"""Small performance helpers for bulk work."""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk job.

    Parsing thousands of declarations allocates hundreds of thousands of small, acyclic
    objects; the cyclic collector then runs over and over and more than doubles the
    time (measured: parsing 10,000 declarations 1.0 s → 0.4 s). Reference counting still
    frees everything as usual; only cycle detection waits until the job is done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
