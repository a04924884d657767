"""perf.prefetched and perf.Behind: the two background helpers of the import (issue 17)."""
from __future__ import annotations

import threading
import time

import pytest

from client.perf import Behind, prefetched


def test_behind_runs_calls_in_order_and_all_have_run_on_leaving():
    done: list[int] = []
    threads: set[str] = set()

    def slow(i: int) -> None:
        time.sleep(0.002 if i % 3 else 0.01)
        threads.add(threading.current_thread().name)
        done.append(i)

    with Behind("t-writer", depth=2) as later:
        for i in range(30):
            later(slow, i)
    assert done == list(range(30))
    assert threads == {"t-writer"}


def test_a_failed_call_is_raised_to_the_caller_and_stops_the_calls_after_it():
    ran: list[int] = []

    def step(i: int) -> None:
        if i == 3:
            raise OSError("disk full")
        ran.append(i)

    with pytest.raises(OSError, match="disk full"):
        with Behind(depth=1) as later:
            for i in range(50):
                later(step, i)
                time.sleep(0.001)
    assert ran == [0, 1, 2]


def test_a_failure_in_the_last_call_is_raised_on_leaving():
    def boom() -> None:
        raise ValueError("last")

    with pytest.raises(ValueError, match="last"):
        with Behind() as later:
            later(boom)


def test_an_exception_in_the_block_waits_for_the_running_call_and_drops_the_rest():
    started, release = threading.Event(), threading.Event()
    ran: list[int] = []

    def first() -> None:
        started.set()
        release.wait(5)
        ran.append(1)

    with pytest.raises(KeyError):
        with Behind(depth=3) as later:
            later(first)
            later(ran.append, 2)
            started.wait(5)
            threading.Timer(0.05, release.set).start()
            raise KeyError("cancelled")
    assert ran == [1]  # the running call ended before the block was left; the next dropped


def test_prefetched_yields_in_order_and_raises_where_the_source_failed():
    def source():
        yield from range(5)
        raise RuntimeError("bad piece")

    got = []
    with pytest.raises(RuntimeError, match="bad piece"):
        for x in prefetched(source(), depth=2):
            got.append(x)
    assert got == [0, 1, 2, 3, 4]
