"""Shared fixtures for the core's tests, and the inline test plugin they run the engine with.

Every test runs hermetically: the installed ``invitecore`` entry points are replaced by an empty
list (so the bundled plugins, installed in the dev venv, never influence the core's tests),
``INVITECORE_LOAD_PLUGINS`` is unset, the plugin-discovery cache is cleared, and the working
directory is an empty temporary folder (so no config file is discovered by accident).
"""

from __future__ import annotations

import sys
import textwrap
import types
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import invitecore.engine
import invitecore.plugins
from invitecore import (
    Advice,
    CaseResult,
    Finding,
    Invitation,
    Profile,
    RiskFactor,
    Rule,
    Setting,
    Settings,
    Signal,
    Verdict,
    hookimpl,
)

REAL_ENTRY_POINTS = invitecore.plugins.entry_points
"""The loader's real entry-point lookup, for the tests that load fake installed distributions."""

OPEN_WORD = "OPENNET"
SELECTIVE_PHRASE = "only connect with people i know"


class SamplePlugin:
    """An inline plugin that implements every per-case hook with simple, predictable rules.

    - ``TST101`` (open signal): the word ``OPENNET`` in any text field, weight ``open-weight``.
    - ``TST102`` (selective signal): a phrase from ``selective-phrases`` in any text field.
    - ``TST201`` (warning): no note. ``TST202`` (error): ``BUY`` in the note.
      ``TST203`` (info): ``FYI`` in the note.
    - ``TST301`` (risk): no note, ``risk-points["no-note"]`` points; ``TST302``: 50 points per
      TST202 finding that survived select/ignore.
    - ``TST401`` (advice): on a ``warm_up`` verdict.
    """

    @staticmethod
    @hookimpl
    def invitecore_rules() -> list[Rule]:
        return [
            Rule(code="TST101", summary="Open word", severity="info", explanation="Open."),
            Rule(code="TST102", summary="Selective phrase", severity="info"),
            Rule(code="TST201", summary="No note", explanation="Write a note."),
            Rule(code="TST202", summary="Sales pitch", severity="error"),
            Rule(code="TST203", summary="FYI", severity="info"),
            Rule(code="TST301", summary="Risk: no note"),
            Rule(code="TST302", summary="Risk: sales pitch"),
            Rule(code="TST401", summary="Advice: warm up"),
        ]

    @staticmethod
    @hookimpl
    def invitecore_settings() -> list[Setting]:
        return [
            Setting(name="open-weight", default=0.9, description="Weight.", source="chosen"),
            Setting(
                name="selective-phrases",
                default=[SELECTIVE_PHRASE],
                description="Phrases.",
                source="chosen",
            ),
            Setting(
                name="risk-points", default={"no-note": 20.0}, description="Pts.", source="chosen"
            ),
        ]

    @staticmethod
    @hookimpl
    def invitecore_profile_signals(profile: Profile, settings: Settings) -> Iterator[Signal]:
        for field, text in profile.text_fields():
            start = text.find(OPEN_WORD)
            if start >= 0:
                yield Signal(
                    code="TST101",
                    camp="open",
                    weight=settings["open-weight"],
                    label="open word",
                    field=field,
                    span=(start, start + len(OPEN_WORD)),
                )
            lowered = text.lower()
            for phrase in settings["selective-phrases"]:
                found = lowered.find(phrase)
                # Lower-casing can change the length of some characters; only report spans
                # that are exact offsets into the original text.
                if found >= 0 and len(lowered) == len(text):
                    yield Signal(
                        code="TST102",
                        camp="selective",
                        weight=0.9,
                        label="selective phrase",
                        field=field,
                        span=(found, found + len(phrase)),
                    )

    @staticmethod
    @hookimpl
    def invitecore_invitation_checks(invitation: Invitation) -> Iterator[Finding]:
        if not invitation.has_note:
            yield Finding(code="TST201", message="No note.", suggestion="Add a note.", field="note")
        if "BUY" in invitation.note:
            start = invitation.note.index("BUY")
            yield Finding(
                code="TST202", message="Sales pitch.", field="note", span=(start, start + 3)
            )
        if "FYI" in invitation.note:
            yield Finding(code="TST203", message="FYI.")

    @staticmethod
    @hookimpl
    def invitecore_risk_factors(
        invitation: Invitation, findings: tuple[Finding, ...], settings: Settings
    ) -> Iterator[RiskFactor]:
        if not invitation.has_note:
            yield RiskFactor(code="TST301", points=settings["risk-points"]["no-note"], reason="r")
        for finding in findings:
            if finding.code == "TST202":
                yield RiskFactor(code="TST302", points=50, reason="pitch")

    @staticmethod
    @hookimpl
    def invitecore_advice(result: CaseResult) -> Iterator[Advice]:
        if result.verdict is Verdict.WARM_UP:
            yield Advice(code="TST401", text="Comment on one of their posts first.")


def make_plugin(name: str, rules: tuple[str, ...] = (), **hooks: Callable[..., Any]) -> Any:
    """A module-like plugin named ``name`` with ``hooks`` and, if given, rules for ``rules``."""
    module = types.ModuleType(name)
    if rules:

        def invitecore_rules() -> list[Rule]:
            return [Rule(code=code, summary=f"rule {code}") for code in rules]

        hooks = {"invitecore_rules": invitecore_rules, **hooks}
    for hook_name, function in hooks.items():
        setattr(module, hook_name, hookimpl(function))
    return module


@attrs.define
class FakeEntryPoint:
    """Stands in for an ``importlib.metadata.EntryPoint``; counts how often it is loaded."""

    name: str
    plugin: object
    value: str = "fake.module"
    dist: object = None
    loads: int = 0

    def load(self) -> object:
        self.loads += 1
        if isinstance(self.plugin, BaseException):
            raise self.plugin
        return self.plugin


INTEGRATION = Path(__file__).parent / "integration"


@pytest.fixture(autouse=True)
def _hermetic(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[None]:
    # The cross-plugin suite under tests/integration needs the real installed plugins.
    if Path(request.node.path).is_relative_to(INTEGRATION):
        yield
        return
    monkeypatch.setattr(invitecore.plugins, "entry_points", list)
    monkeypatch.delenv(invitecore.plugins.LOAD_ENV, raising=False)
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    invitecore.plugins.installed_plugins.cache_clear()
    yield
    invitecore.plugins.installed_plugins.cache_clear()


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch) -> Callable[..., dict[str, FakeEntryPoint]]:
    """Make ``invitecore.plugins.entry_points`` return fake entry points for ``name=plugin``.

    A plugin given as an exception instance fails to import with that exception.
    """

    def install_plugins(**plugins: object) -> dict[str, FakeEntryPoint]:
        points = {name: FakeEntryPoint(name=name, plugin=p) for name, p in plugins.items()}
        monkeypatch.setattr(
            invitecore.plugins, "entry_points", lambda: [points[n] for n in sorted(points)]
        )
        invitecore.plugins.installed_plugins.cache_clear()
        return points

    return install_plugins


@attrs.frozen
class FakeDistribution:
    """A distribution written to disk: its entry-point name and the module it points at."""

    entry_point: str
    module: str
    distribution: str


@pytest.fixture
def make_distribution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., FakeDistribution]:
    """Write an installed-looking distribution (``*.dist-info`` + module) onto ``sys.path``.

    Loading then goes through the real ``importlib.metadata`` machinery; the loader only sees
    these fake distributions (not the bundled plugins installed in the venv).
    """
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    made: list[FakeDistribution] = []

    def real_fakes_only() -> list[Any]:
        names = {d.entry_point for d in made}
        return [ep for ep in REAL_ENTRY_POINTS() if ep.name in names]

    monkeypatch.setattr(invitecore.plugins, "entry_points", real_fakes_only)

    def make(entry_point: str, source: str, *, version: str = "1.2.3") -> FakeDistribution:
        module = f"icfake_{entry_point.replace('-', '_')}_{uuid.uuid4().hex[:8]}"
        distribution = f"fake-{entry_point}"
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = site / f"{distribution.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[invitecore]\n{entry_point} = {module}\n", encoding="utf-8"
        )
        monkeypatch.delitem(sys.modules, module, raising=False)
        made.append(FakeDistribution(entry_point, module, distribution))
        invitecore.plugins.installed_plugins.cache_clear()
        return made[-1]

    return make


@pytest.fixture(scope="session")
def sample_plugin() -> type[SamplePlugin]:
    """The inline test plugin (a class of static hook implementations)."""
    return SamplePlugin


@pytest.fixture
def plugin_factory() -> Callable[..., Any]:
    """:func:`make_plugin`: build a module-like plugin from hook functions."""
    return make_plugin
