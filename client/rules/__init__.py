"""The validation rulebook: every rule a small named function with a stable code.

Public API (used by the CLI, the store, the UI and the sandbox platform alike)::

    from client.rules import validate, validate_raw, RuleContext, Issue
    issues = validate(decl, RuleContext(codes=codebook, credit_grade="A"))
    issues = validate_raw(json_obj, ctx)     # any decoded JSON, never raises

A rule is registered with :func:`client.rules.registry.rule` and lives in a module of its
family (``required.py``, ``formats.py``, ...); ``registry.load_all()`` imports them all.
"""
from .base import Issue, RuleContext, Severity  # noqa: F401
from .engine import summarize, validate, validate_raw  # noqa: F401
from .sample import sample_declaration  # noqa: F401,E402
