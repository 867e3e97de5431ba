"""invitecore plugin package invitecore-lion."""
