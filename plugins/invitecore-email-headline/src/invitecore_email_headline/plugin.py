"""Hook implementations of the email-headline plugin (being written)."""
