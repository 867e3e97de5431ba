"""invitecore plugin that checks an invitation note is personal (rule codes PER101-PER133).

Install it next to invitecore; it registers under the entry point ``personalization`` and reads
``[tool.invitecore.plugins.personalization]``. :func:`read_note` reads a note's elements
(greeting, how met or found, why, benefit, generic) without the engine.
"""

from invitecore_personalization.reading import ELEMENTS, NoteReading, read_note

__all__ = ["ELEMENTS", "NoteReading", "read_note"]
