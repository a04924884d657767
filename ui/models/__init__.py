"""Item models of the shell (Qt models over plain rows the core hands back)."""
