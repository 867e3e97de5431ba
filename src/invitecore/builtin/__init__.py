"""What the core ships as a plugin of its own: output formats, batch checks and its rules.

:mod:`invitecore.builtin.plugin` holds the hook implementations; the other modules are what they
offer. It is loaded as ``invitecore.core`` through the same hooks as any installed plugin.
"""
