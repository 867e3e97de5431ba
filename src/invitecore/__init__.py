"""invitecore: decide whether and how to send a LinkedIn invitation, with plugins for the rules.

Plugin authors need :data:`hookimpl` and the value objects exported here. Tools that embed the
engine use :func:`evaluate`, :func:`evaluate_many` and :class:`Engine`.

``import invitecore`` stays light: it does not import the CLI (typer) or discover plugins; the
engine and its plugins load on first use, once per process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from invitecore._version import __version__
from invitecore.hookspecs import hookimpl
from invitecore.models import (
    Account,
    Advice,
    Camp,
    Classification,
    Finding,
    Invitation,
    NetworkingCamp,
    PluginError,
    Profile,
    Relationship,
    Risk,
    RiskFactor,
    RiskLevel,
    Rule,
    Sender,
    Severity,
    Signal,
    TemplateGap,
    Verdict,
)
from invitecore.output import OutputFormat
from invitecore.results import Case, CaseResult, Source
from invitecore.settings import Setting, Settings
from invitecore.summary import Summary

if TYPE_CHECKING:
    from invitecore.engine import Engine, evaluate, evaluate_many
    from invitecore.serialize import result_to_dict, summary_to_dict, to_json

__all__ = [
    "Account",
    "Advice",
    "Camp",
    "Case",
    "CaseResult",
    "Classification",
    "Engine",
    "Finding",
    "Invitation",
    "NetworkingCamp",
    "OutputFormat",
    "PluginError",
    "Profile",
    "Relationship",
    "Risk",
    "RiskFactor",
    "RiskLevel",
    "Rule",
    "Sender",
    "Setting",
    "Settings",
    "Severity",
    "Signal",
    "Source",
    "Summary",
    "TemplateGap",
    "Verdict",
    "__version__",
    "evaluate",
    "evaluate_many",
    "hookimpl",
    "result_to_dict",
    "summary_to_dict",
    "to_json",
]

# Loaded on first use: the engine imports the plugin loader and config, and serialization the
# JSON library; plugins that only need hookimpl and the value objects import neither.
_LAZY = {
    "Engine": "invitecore.engine",
    "evaluate": "invitecore.engine",
    "evaluate_many": "invitecore.engine",
    "result_to_dict": "invitecore.serialize",
    "summary_to_dict": "invitecore.serialize",
    "to_json": "invitecore.serialize",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'invitecore' has no attribute {name!r}")


def __dir__() -> list[str]:
    # What the package offers, the lazy names included; not what it imports for itself.
    return sorted(__all__)
