"""What the editor window runs off the GUI thread (through ``ctx.runner``): plain calls on
the desk that return plain values."""
from __future__ import annotations


def load_declaration(desk, decl_id: str | None, direction: str):
    """Off the GUI thread: ``(declaration, summary or None)``."""
    if decl_id is None:
        return desk.new_draft(direction), None
    decl = desk.get(decl_id)
    return decl, desk.summary(decl.id)


def save_and_validate(desk, decl, base_rev=None):
    """Off the GUI thread: save a draft (refused when stored newer than ``base_rev``),
    then validate it; ``(summary, issues)``."""
    summary = desk.save_draft(decl, base_rev=base_rev)
    return summary, desk.validate_decl(decl)
