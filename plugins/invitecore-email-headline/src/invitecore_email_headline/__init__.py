"""invitecore plugin package invitecore-email-headline."""
