"""The hook specifications of invitecore, and the markers plugins use.

Hooks by phase, in the order the engine calls them for each case:

1. declaration, once per run: :func:`invitecore_rules`, :func:`invitecore_settings`,
   :func:`invitecore_output_formats`, :func:`invitecore_batch_checks`;
2. per case: :func:`invitecore_profile_signals` -> the core classifies ->
   :func:`invitecore_invitation_checks` -> :func:`invitecore_risk_factors` -> the core scores and
   decides the verdict -> :func:`invitecore_advice`.

The core calls each plugin's implementation on its own (see :mod:`invitecore.hookcalls`), with
keyword arguments; an implementation may accept any subset of the arguments a spec lists, and
may return any iterable (list, tuple, generator) or None. A single value object is accepted as an
iterable of one. An exception inside an implementation, or a return of the wrong type, is
recorded as a :class:`PluginError` naming the plugin and hook; every other plugin's output is
still reported.

Objects a plugin returns are never changed: the result holds them as they are, or a copy that
names the plugin in ``plugin`` (and gives a finding without a severity its rule's), so a plugin
may cache and return the same objects again.

``settings`` is always the calling plugin's own resolved table from
``[tool.invitecore.plugins.<entry-point-name>]`` (see :mod:`invitecore.settings`).
Hook wrappers (``wrapper=True`` / ``hookwrapper=True``) are refused when a plugin is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from invitecore.batch import BatchCheck
    from invitecore.models import (
        Advice,
        Classification,
        Finding,
        Invitation,
        Profile,
        RiskFactor,
        Rule,
        Sender,
        Signal,
    )
    from invitecore.output import OutputFormat
    from invitecore.results import CaseResult
    from invitecore.settings import Setting, Settings

PROJECT_NAME = "invitecore"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marker for hook specifications (used by this module only)."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marker for hook implementations: decorate plugin functions with ``@invitecore.hookimpl``."""


# -- declaration hooks: called once per run ------------------------------------------------------


@hookspec
def invitecore_rules() -> Iterable[Rule]:
    """Declare the rules this plugin can emit.

    :returns: :class:`~invitecore.Rule` objects. Codes are 2-4 capital letters and 3 digits; a
        code declared by two plugins is a load error naming both, and the later plugin is not
        loaded. Signals, findings and risk factors whose code the plugin did not declare are
        reported as plugin errors.

    Called once, right after the plugin is loaded.
    """
    raise NotImplementedError


@hookspec
def invitecore_settings() -> Iterable[Setting]:
    """Declare this plugin's configurable defaults.

    :returns: :class:`~invitecore.Setting` objects, each with its default and the source of the
        default. The core validates ``[tool.invitecore.plugins.<name>]`` against them (unknown
        keys and wrong types are config errors) and passes the merged values to the per-case
        hooks as ``settings``. A plugin that declares nothing receives its table as written.

    Called once, when the config is resolved.
    """
    raise NotImplementedError


@hookspec
def invitecore_output_formats() -> Iterable[OutputFormat]:
    """Offer output formats for ``invitecore run --format NAME``.

    :returns: :class:`~invitecore.OutputFormat` objects. The built-in ``text``,
        ``json``, ``jsonl`` and ``csv`` formats are provided through this hook by an internal
        plugin; a later plugin offering the same name is a load error.

    Called once per run.
    """
    raise NotImplementedError


@hookspec
def invitecore_batch_checks(settings: Settings) -> Iterable[BatchCheck]:
    """Offer account-level checks over a whole run (duplicates, send plans, monthly quotas).

    :param settings: this plugin's resolved settings.
    :returns: :class:`~invitecore.batch.BatchCheck` objects. Each sees every result as it is
        produced (``observe``) and contributes a section to the run summary (``finish``). Keep
        only what the section needs: runs may have millions of rows.

    Called once per run, before the first case.
    """
    raise NotImplementedError


# -- per-case hooks ------------------------------------------------------------------------------


@hookspec
def invitecore_profile_signals(profile: Profile, settings: Settings) -> Iterable[Signal]:
    """Find evidence of the person's networking camp in their profile.

    :param profile: the recipient's profile.
    :param settings: this plugin's resolved settings.
    :returns: :class:`~invitecore.Signal` objects, each with the field and the span of the text
        it rests on where there is one. The core combines all plugins' signals into a
        :class:`~invitecore.Classification`.

    Called once per case, first.
    """
    raise NotImplementedError


@hookspec
def invitecore_invitation_checks(
    invitation: Invitation,
    profile: Profile,
    classification: Classification,
    sender: Sender,
    settings: Settings,
) -> Iterable[Finding]:
    """Check the draft invitation against the profile.

    :param invitation: the draft: note, relationship, email.
    :param profile: the recipient's profile.
    :param classification: the camp the core concluded from every plugin's signals.
    :param sender: who sends it (the account type sets the note length limit).
    :param settings: this plugin's resolved settings.
    :returns: :class:`~invitecore.Finding` objects, each with a concrete ``suggestion`` where
        one can be given. A finding without a severity takes its rule's.

    Called once per case, after classification.
    """
    raise NotImplementedError


@hookspec
def invitecore_risk_factors(
    invitation: Invitation,
    profile: Profile,
    classification: Classification,
    findings: tuple[Finding, ...],
    sender: Sender,
    settings: Settings,
) -> Iterable[RiskFactor]:
    """Score how risky sending this invitation is, factor by factor.

    :param findings: every plugin's findings for this case (after select/ignore).
    :returns: :class:`~invitecore.RiskFactor` objects; points may be negative. The core sums them
        and clamps the total to 0-100.

    Called once per case, after the invitation checks.
    """
    raise NotImplementedError


@hookspec
def invitecore_advice(result: CaseResult, settings: Settings) -> Iterable[Advice]:
    """Suggest next steps for the sender, given the whole result (verdict included).

    :param result: the case's result, with classification, findings, risk and verdict.
    :returns: :class:`~invitecore.Advice` objects, shown after the verdict.

    Called once per case, last.
    """
    raise NotImplementedError
