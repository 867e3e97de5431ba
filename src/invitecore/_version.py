"""The installed version of invitecore."""

__version__ = "0.2.0"
