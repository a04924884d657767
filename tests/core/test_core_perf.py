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


def test_short_switches_are_put_back_even_after_an_error():
    import sys

    from client.perf import short_switches
    was = sys.getswitchinterval()
    with pytest.raises(RuntimeError):
        with short_switches(0.001):
            assert sys.getswitchinterval() == pytest.approx(0.001)
            raise RuntimeError
    assert sys.getswitchinterval() == was


def test_overlapping_short_switches_put_back_the_interval_from_before_the_first():
    import sys

    from client.perf import short_switches
    was = sys.getswitchinterval()
    a, b = short_switches(0.001), short_switches(0.002)
    a.__enter__()
    b.__enter__()
    a.__exit__(None, None, None)  # the first ends while the second still runs
    assert sys.getswitchinterval() < was
    b.__exit__(None, None, None)
    assert sys.getswitchinterval() == was
