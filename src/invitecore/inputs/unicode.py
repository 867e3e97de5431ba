"""Text that is not valid Unicode: lone surrogates (:func:`is_valid_text` is the one test, for
JSON Lines and CSV rows too, whose undecodable bytes arrive as lone surrogates).

JSON may spell any UTF-16 code unit as an escape, so ``"\\ud800"`` parses into a Python string
holding half of a surrogate pair, which no UTF-8 output can carry. Such a row is an input
error naming its field, caught when it is read rather than as a crash when its result is
written.
"""

from __future__ import annotations

from typing import Any

from invitecore.errors import InputError

__all__ = ["check_unicode", "is_valid_text", "lone_surrogate_field"]


def lone_surrogate_field(data: Any, path: str = "") -> str | None:
    """The dotted path of the first string in ``data`` (keys too) holding a lone surrogate.

    Walks with a stack of its own, so a value nested however deep costs no recursion."""
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, str):
            if not is_valid_text(value):
                return here or "value"
        elif isinstance(value, dict):
            items = []
            for key, item in value.items():
                child = f"{here}.{key}" if here else str(key)
                if isinstance(key, str) and not is_valid_text(key):
                    return child
                items.append((child, item))
            stack.extend(reversed(items))
        elif isinstance(value, list):
            stack.extend(reversed([(f"{here}[{i}]", item) for i, item in enumerate(value)]))
    return None


def check_unicode(data: Any, text: str, *, file: str | None, line: int | None) -> None:
    """Raise :class:`InputError` when the JSON ``text`` parsed into ``data`` holds a lone
    surrogate. Only text with a ``\\uD...`` escape is searched: nothing else can hold one.

    :raises InputError: naming the field, the file and the line.
    """
    if "\\ud" not in text and "\\uD" not in text:
        return
    field = lone_surrogate_field(data)
    if field is not None:
        raise InputError(
            f"{field}: a \\u escape of half a surrogate pair (U+D800-U+DFFF) is not valid text",
            file=file,
            line=line,
        )


def is_valid_text(text: str) -> bool:
    """False when ``text`` holds a lone surrogate: from a JSON escape, or from bytes that were not
    UTF-8 in a file or command line decoded with ``surrogateescape``."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
