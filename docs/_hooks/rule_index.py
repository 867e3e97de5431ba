"""mkdocs hook: the rule index (docs/rules.md), generated from the installed plugins.

At build time the ``<!-- rule-index -->`` marker in rules.md is replaced by one entry per rule
code the installed plugins declare through ``invitecore_rules()``: its summary, plugin, default
severity and explanation, and a bad and a good example taken from the plugin's shipped rule
cases (``rule_cases.toml`` beside its hook module; see ``invitecore.rulecases``). Nothing is
written to the source tree, so the page cannot drift from the code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

MARKER = "<!-- rule-index -->"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value))


def _toml(tables: Mapping[str, Mapping[str, Any]]) -> str:
    """The case's input tables as TOML: a case file ``invitecore run`` reads as it is (with
    ``settings`` shown as the plugin's config table)."""
    lines: list[str] = []
    for table, values in tables.items():
        if lines:
            lines.append("")
        lines.append(f"[{table}]")
        lines.extend(f"{_key(k)} = {_value(v)}" for k, v in values.items())
    return "\n".join(lines)


def _example(kind: str, case: Any, plugin: str) -> str:
    inputs = dict(case.inputs)
    settings = inputs.pop("settings", None)
    if settings:
        inputs[f"tool.invitecore.plugins.{plugin}"] = settings
    described = f": {case.description}" if case.description else ""
    return f"**{kind}** (`{case.id}`){described}\n\n```toml\n{_toml(inputs)}\n```\n"


def rule_index() -> str:
    """The Markdown of every installed plugin's rules, by plugin then code."""
    from invitecore.plugins import load_plugins
    from invitecore.rulecases import load_rule_cases, shipped_rule_cases

    loaded = load_plugins()
    parts: list[str] = []
    for record in loaded.records:
        codes = sorted(code for code, (_, owner) in loaded.rules.items() if owner == record.name)
        if record.status != "active" or not codes:
            continue
        module = loaded.manager.get_plugin(record.name)
        path = shipped_rule_cases(module)
        cases = load_rule_cases(path) if path else []
        where = f"{record.distribution} {record.version}" if record.distribution else "local"
        parts.append(f"## {record.name}\n\n`{where}`. ")
        parts[-1] += (
            f"Examples from its `{path.name}`." if path else "It ships no rule cases yet."
        ) + "\n"
        for code in codes:
            rule = loaded.rules[code][0]
            entry = [f"### {code}\n", f"**{rule.summary}**. Default severity: `{rule.severity}`.\n"]
            if rule.explanation:
                entry.append(rule.explanation + "\n")
            bad = next((c for c in cases if c.rule == code and c.yields), None)
            good = next((c for c in cases if c.rule == code and not c.yields), None)
            if bad is not None:
                entry.append(_example("Bad", bad, record.name))
            if good is not None:
                entry.append(_example("Good", good, record.name))
            if cases and (bad is None or good is None):
                missing = " and ".join(k for k, c in (("bad", bad), ("good", good)) if c is None)
                entry.append(f"*No {missing} example among the plugin's rule cases yet.*\n")
            parts.append("\n".join(entry))
    if not parts:
        return "*No plugin with rules is installed where the site was built.*\n"
    return "\n".join(parts)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the marker in rules.md with the generated index."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, rule_index())


_SPHINX_ROLE = re.compile(r":(?:func|class|mod|meth|data|attr|exc|obj):(<code[^>]*>)~?")


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Drop the Sphinx roles (``:class:`~invitecore.Rule```) the docstrings use from the
    generated reference, keeping the name they mark."""
    return _SPHINX_ROLE.sub(r"\1", html)
