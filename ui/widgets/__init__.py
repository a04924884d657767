"""Reusable widgets of the shell (navigation, header bar, badges, search box, toasts)."""
