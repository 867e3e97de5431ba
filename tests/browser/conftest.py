"""The browser tests run in `nox -s browser`, which installs Selenium (and CI installs Debian's
chromium and chromium-driver for it). Sessions without Selenium leave them out rather than
skip them: nothing they need is missing there."""

from __future__ import annotations

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("selenium") else ["test_*.py"]
