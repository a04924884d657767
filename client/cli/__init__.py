"""The ``python -m client`` command line: one module per group of commands."""
