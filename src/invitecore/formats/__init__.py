"""The built-in output formats: ``text`` for people, ``json``, ``jsonl`` and ``csv`` for tools."""
