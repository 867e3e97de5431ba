"""invitecore's pytest plugin: fixtures for testing invitecore plugins.

Registered under the ``pytest11`` entry-point group, so it is active in every pytest run where
invitecore is installed; it imports nothing of invitecore until a test asks for a fixture.
Tell it which plugins are under test by overriding ``invitecore_plugins`` in ``conftest.py``::

    import pytest
    from my_plugin import plugin

    @pytest.fixture
    def invitecore_plugins():
        return [("my-plugin", plugin)]   # (entry-point name, module), the first is under test

Then a test asks for what it needs::

    def test_flags_a_call(invitecore_evaluate):
        result = invitecore_evaluate(invitation={"note": "Could we hop on a quick call?"})
        assert_finding(result, "EXA101", span="quick call")

The assertions, builders and rule cases are plain functions in :mod:`invitecore.testing`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from invitecore.engine import Engine
    from invitecore.results import CaseResult
    from invitecore.settings import Settings

__all__ = [
    "invitecore_engine",
    "invitecore_evaluate",
    "invitecore_plugins",
    "invitecore_settings",
]


@pytest.fixture
def invitecore_plugins() -> Sequence[object]:
    """The plugins under test: modules or ``(name, module)`` pairs, the first being the one
    whose settings ``invitecore_settings`` resolves. Override it in your ``conftest.py``."""
    pytest.fail(
        "override the invitecore_plugins fixture in conftest.py: return the plugins under test, "
        'e.g. [("my-plugin", my_plugin.plugin)]',
        pytrace=False,
    )


def _plugins(plugins: Sequence[object]) -> Sequence[object]:
    if not isinstance(plugins, (list, tuple)) or not plugins:
        pytest.fail("invitecore_plugins must return a non-empty list of plugins", pytrace=False)
    return plugins


@pytest.fixture
def invitecore_engine(invitecore_plugins: Sequence[object]) -> Engine:
    """An engine holding only the plugins under test; fails the test if one fails to load."""
    from invitecore.testing import engine_with

    engine = engine_with(*_plugins(invitecore_plugins))
    failed = [f"{r.label}: {r.reason}" for r in engine.loaded.failed]
    if failed:
        pytest.fail("plugin failed to load: " + "; ".join(failed), pytrace=False)
    return engine


@pytest.fixture
def invitecore_evaluate(invitecore_plugins: Sequence[object]) -> Callable[..., CaseResult]:
    """Evaluate one case with the plugins under test: takes ``profile`` (default: a profile
    named Dana Example), ``invitation``, ``sender``, ``settings`` and ``config`` as
    :func:`invitecore.testing.evaluate_case` does."""
    from invitecore.testing import evaluate_case, make_profile

    plugins = _plugins(invitecore_plugins)

    def evaluate(profile: Any = None, **kwargs: Any) -> CaseResult:
        return evaluate_case(*plugins, profile=make_profile(profile), **kwargs)

    return evaluate


@pytest.fixture
def invitecore_settings(invitecore_plugins: Sequence[object]) -> Callable[..., Settings]:
    """The first plugin under test's settings as the core resolves them, with keyword
    overrides in config spelling: ``invitecore_settings(**{"max-words": 20})``."""
    from invitecore.testing import _plugin_name, resolved_settings

    first = _plugins(invitecore_plugins)[0]
    name = _plugin_name(first)
    plugin = first[1] if isinstance(first, tuple) else first

    def settings(**overrides: Any) -> Settings:
        return resolved_settings(plugin, overrides, name=name)

    return settings
