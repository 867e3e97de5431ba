"""An example invitecore plugin: flags a first note that asks for a call, or that runs long.

The hook implementations are in :mod:`invitecore_example.plugin` (the module the entry point
names); the rules, settings and text matching live in their own modules.
"""

__version__ = "0.1.0"
