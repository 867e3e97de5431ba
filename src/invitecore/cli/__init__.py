"""The ``invitecore`` command line: ``run``, ``plugins``, ``rules``, ``rule``, ``formats``,
``new-plugin``.

Importing this package registers every command on :data:`app`; ``main`` is the console script.
"""

from __future__ import annotations

from invitecore.cli.app import NO_PLUGINS_HINT, app

# Importing the command modules registers their commands, in the order `--help` lists them.
from invitecore.cli import run  # noqa: F401  # isort: skip
from invitecore.cli import listing  # noqa: F401  # isort: skip
from invitecore.cli import scaffold  # noqa: F401  # isort: skip

__all__ = ["NO_PLUGINS_HINT", "app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
