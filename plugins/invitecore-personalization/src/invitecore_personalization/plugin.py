"""Hook implementations of the personalization plugin (being written)."""
