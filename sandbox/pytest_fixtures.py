"""Reusable pytest fixtures that run a real sandbox platform on 127.0.0.1.

Use them from any test package by importing them into its ``conftest.py``::

    from sandbox.pytest_fixtures import sandbox, sandbox_factory, sandbox_url  # noqa: F401

(``pytest_plugins`` is only allowed in the root conftest, so import instead.)

* ``sandbox_factory(**kw)`` → starts a sandbox in a background thread of the test process
  (fresh data dir under ``tmp_path`` unless ``data_dir=`` is given) and returns its
  :class:`~sandbox.testing.SandboxHandle` (a ``str`` base URL with ``.admin()``,
  ``.login()``, ``.session()``); ``process=True`` starts a real subprocess instead and
  returns a :class:`~sandbox.testing.SandboxProcess` (``.url``, ``.kill()``, ``.stop()``).
  Everything started is stopped at teardown.
* ``sandbox`` → one sandbox with ``time_scale=1e6`` (a life cycle in milliseconds) and
  admin token ``sandbox-admin``.
* ``sandbox_url`` → its base URL as a plain ``str``.
"""
from __future__ import annotations

import contextlib
from typing import Any

import pytest

from .testing import run_sandbox, start_sandbox_process


@pytest.fixture
def sandbox_factory(tmp_path_factory):
    stack = contextlib.ExitStack()
    procs = []
    counter = [0]

    def start(*, process: bool = False, data_dir=None, time_scale: float = 1e6,
              **kw: Any):
        counter[0] += 1
        d = data_dir or tmp_path_factory.mktemp(f"sandbox{counter[0]}")
        if process:
            p = start_sandbox_process(d, time_scale=time_scale, **kw)
            procs.append(p)
            return p
        return stack.enter_context(run_sandbox(d, time_scale=time_scale, **kw))

    with stack:
        try:
            yield start
        finally:
            for p in procs:
                p.stop()


@pytest.fixture
def sandbox(sandbox_factory):
    return sandbox_factory()


@pytest.fixture
def sandbox_url(sandbox) -> str:
    return str(sandbox.url)
