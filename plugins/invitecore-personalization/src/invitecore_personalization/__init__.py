"""invitecore plugin package invitecore-personalization."""
