"""Make the plugin importable from a source checkout, installed or not, and name the plugin
under test for invitecore's pytest plugin.

Installed (``pip install -e .``), ``invitecore_example`` is already importable; otherwise the
``src`` folder is put on ``sys.path``. The tests register the module with the engine under its
entry-point name, so they never depend on the entry point being installed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

if importlib.util.find_spec("invitecore_example") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from invitecore_example import plugin


@pytest.fixture
def invitecore_plugins() -> list[object]:
    """The plugins the kit's fixtures (invitecore_engine, invitecore_evaluate,
    invitecore_settings) use: this one, under its entry-point name."""
    return [("example", plugin)]
