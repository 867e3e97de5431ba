"""The installed version of invitecore."""

__version__ = "0.1.0"
