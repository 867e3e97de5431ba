"""Hook implementations of the lion plugin (being written)."""
