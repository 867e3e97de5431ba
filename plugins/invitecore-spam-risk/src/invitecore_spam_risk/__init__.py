"""invitecore plugin package invitecore-spam-risk."""
