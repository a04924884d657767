"""Dialogs of the shell: import, batch progress."""
