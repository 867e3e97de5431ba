"""How the core calls plugins: by name, each on its own, never changing what they return."""

from __future__ import annotations

from typing import Any

from invitecore import Finding, Invitation, Profile, Rule, Severity, Signal, hookimpl
from invitecore.config import Config
from invitecore.engine import Engine
from invitecore.results import Case

CACHED_SIGNAL = Signal(code="CCH101", camp="open", weight=0.9, label="cached")
CACHED_FINDING = Finding(code="CCH201", message="cached finding")


class Caching:
    """Returns the same module-level objects on every case, as a caching plugin does."""

    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return [
            Rule(code="CCH101", summary="cached signal", severity="info"),
            Rule(code="CCH201", summary="cached finding", severity="error"),
        ]

    @staticmethod
    @hookimpl
    def invitecore_profile_signals() -> Signal:
        return CACHED_SIGNAL

    @staticmethod
    @hookimpl
    def invitecore_invitation_checks() -> list[Finding]:
        return [CACHED_FINDING]


def _case() -> Case:
    return Case(profile=Profile(name="Ada Lane"), invitation=Invitation(note="hi"))


def test_objects_a_plugin_returns_are_never_changed() -> None:
    engine = Engine.from_plugins([("caching", Caching)])
    first, second = engine.evaluate(_case()), engine.evaluate(_case())
    assert CACHED_SIGNAL.plugin is None
    assert CACHED_FINDING.plugin is None
    assert CACHED_FINDING.severity is None
    for result in (first, second):
        assert result.classification is not None
        (signal,) = result.classification.signals
        assert (signal.code, signal.plugin) == ("CCH101", "caching")
        (finding,) = result.findings
        assert (finding.plugin, finding.severity) == ("caching", Severity.ERROR)


def test_a_config_severity_override_applies_to_the_copy_only() -> None:
    config = Config(severity={"CCH201": Severity.INFO})
    engine = Engine.from_plugins([("caching", Caching)], config)
    (finding,) = engine.evaluate(_case()).findings
    assert finding.severity is Severity.INFO
    assert CACHED_FINDING.severity is None


def test_another_plugins_name_on_an_object_is_replaced_by_the_real_one() -> None:
    class Claims:
        @staticmethod
        @hookimpl
        def invitecore_rules() -> list[Rule]:
            return [Rule(code="CLM201", summary="claims")]

        @staticmethod
        @hookimpl
        def invitecore_invitation_checks() -> Finding:
            return Finding(code="CLM201", message="m", plugin="someone-else")

    (finding,) = Engine.from_plugins([("claims", Claims)]).evaluate(_case()).findings
    assert finding.plugin == "claims"


def test_hooks_are_called_by_name_with_the_arguments_they_name() -> None:
    seen: dict[str, Any] = {}

    class Named:
        @staticmethod
        @hookimpl
        def invitecore_rules() -> list[Rule]:
            return []

        @staticmethod
        @hookimpl
        def invitecore_invitation_checks(settings: Any, profile: Profile, **extra: Any) -> None:
            # Any order, and only what it names: settings first here, and no **extra given.
            seen.update(settings=settings, profile=profile, extra=extra)

    engine = Engine.from_plugins([("named", Named)])
    engine.evaluate(_case())
    assert seen["profile"].name == "Ada Lane"
    assert seen["extra"] == {}
    assert dict(seen["settings"]) == {}


def test_hook_wrappers_are_refused_when_the_plugin_loads() -> None:
    class Wrapping:
        @staticmethod
        @hookimpl
        def invitecore_rules() -> list[Rule]:
            return []

        @staticmethod
        @hookimpl(wrapper=True)
        def invitecore_invitation_checks() -> Any:
            return (yield)

    class Old:
        @staticmethod
        @hookimpl(hookwrapper=True)
        def invitecore_profile_signals() -> Any:
            yield

    engine = Engine.from_plugins([("wrapping", Wrapping), ("old", Old)])
    failed = {record.name: record.reason for record in engine.loaded.failed}
    assert set(failed) == {"wrapping", "old"}
    assert "hook wrapper" in (failed["wrapping"] or "")
    assert "invitecore_invitation_checks" in (failed["wrapping"] or "")
    result = engine.evaluate(_case())
    assert result.errors == ()
