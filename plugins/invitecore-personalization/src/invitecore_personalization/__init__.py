"""invitecore plugin that checks an invitation note is personal (rule codes PER101-PER133).

Install it next to invitecore; it registers under the entry point ``personalization`` and reads
``[tool.invitecore.plugins.personalization]``.
"""
