"""Make the plugin importable from a source checkout, installed or not.

Installed (``pip install -e .``), ``invitecore_example`` is already importable; otherwise the
``src`` folder is put on ``sys.path``. The tests register the module with the engine directly
(``engine_with`` / ``evaluate_case``), so they never depend on the entry point being installed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("invitecore_example") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
