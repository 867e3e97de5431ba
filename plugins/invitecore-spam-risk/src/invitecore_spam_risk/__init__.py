"""invitecore-spam-risk: a transparent spam-risk scorecard for an invitation, with next steps."""
