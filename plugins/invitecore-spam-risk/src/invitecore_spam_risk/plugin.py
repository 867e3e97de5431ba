"""Hook implementations of the spam-risk plugin (being written)."""
