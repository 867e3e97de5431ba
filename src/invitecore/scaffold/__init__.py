"""``invitecore new-plugin NAME``: a ready plugin package, made from the templates beside this
module.

The package has a pyproject with the entry point and a dependency range on invitecore, a module
with one rule, its setting and one hook, a rule-case file, tests that use invitecore's test kit,
and a README. It installs and passes its own tests with no edits (the core's test suite makes
one, installs it and runs them).
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

__all__ = ["NewPlugin", "ScaffoldError", "create_plugin", "plan_plugin"]

TEMPLATE = Path(__file__).with_name("template")
SUFFIX = ".tmpl"
# Rule-code prefixes the core and the bundled and example plugins already use.
TAKEN_PREFIXES = frozenset({"INV", "LIO", "EMH", "PER", "SPM", "EXA", "TST"})
_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_PREFIX = re.compile(r"[A-Z]{2,4}")


class ScaffoldError(ValueError):
    """A name, prefix or folder ``new-plugin`` cannot use; the message says why."""


@attrs.frozen(kw_only=True)
class NewPlugin:
    """The names a new plugin gets, all derived from the one the user typed."""

    name: str  # the entry-point name: `quick-call`
    distribution: str  # `invitecore-quick-call`
    package: str  # `invitecore_quick_call`
    prefix: str  # rule codes: `QUI101`
    directory: Path  # where the package is written

    def values(self) -> dict[str, str]:
        """What the templates' ``{{placeholders}}`` are replaced with."""
        from invitecore import __version__
        from invitecore.plugins import PLUGIN_API

        major, minor = (int(part) for part in __version__.split(".")[:2])
        # Before 1.0 a minor release may change what plugins see (0.2 did), so a new plugin
        # declares this minor version only, as the bundled plugins do.
        upper = f"{major}.{minor + 1}" if major == 0 else f"{major + 1}"
        core_range = f">={major}.{minor},<{upper}"
        api_major = PLUGIN_API[0]
        return {
            "name": self.name,
            "distribution": self.distribution,
            "package": self.package,
            "prefix": self.prefix,
            "summary": f"the {self.name} rules ({self.prefix} codes)",
            "core_range": core_range,
            "api_range": f">={api_major}.{PLUGIN_API[1]},<{api_major + 1}",
        }


def plan_plugin(name: str, *, parent: Path, prefix: str | None = None) -> NewPlugin:
    """The names and folder for plugin ``name`` (``quick-call``, or ``invitecore-quick-call``).

    :raises ScaffoldError: the name is not lower-case words joined by hyphens, the prefix is not
        2-4 capital letters or is taken, or the folder exists.
    """
    name = name.strip().lower().removeprefix("invitecore-")
    if not _NAME.fullmatch(name):
        raise ScaffoldError(
            f"{name!r} is not a plugin name: use lower-case words joined by hyphens, "
            "such as quick-call"
        )
    if prefix is None:
        letters = re.sub(r"[^a-z]", "", name).upper()
        prefix = letters[:3] if len(letters) >= 2 else "XYZ"
        if prefix in TAKEN_PREFIXES:
            raise ScaffoldError(
                f"the rule-code prefix {prefix} from {name!r} is taken; choose one with --prefix"
            )
    prefix = prefix.strip().upper()
    if not _PREFIX.fullmatch(prefix):
        raise ScaffoldError(f"--prefix {prefix!r}: a rule-code prefix is 2 to 4 capital letters")
    if prefix in TAKEN_PREFIXES:
        raise ScaffoldError(f"--prefix {prefix}: taken by invitecore or a bundled plugin")
    distribution = f"invitecore-{name}"
    directory = parent / distribution
    if directory.exists():
        raise ScaffoldError(f"{directory} already exists")
    return NewPlugin(
        name=name,
        distribution=distribution,
        package=distribution.replace("-", "_"),
        prefix=prefix,
        directory=directory,
    )


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def create_plugin(plan: NewPlugin) -> list[Path]:
    """Write the package ``plan`` describes; return the files written, in order."""
    values = plan.values()
    written = []
    for template in sorted(TEMPLATE.rglob(f"*{SUFFIX}")):
        relative = _fill(template.relative_to(TEMPLATE).as_posix(), values)[: -len(SUFFIX)]
        target = plan.directory / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_fill(template.read_text(encoding="utf-8"), values), encoding="utf-8")
        written.append(target)
    return written
