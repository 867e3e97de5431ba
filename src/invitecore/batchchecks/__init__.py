"""The core's account-level checks over a whole run: duplicates, repeated notes, send plan."""

from invitecore.batchchecks.duplicates import DuplicateProspects
from invitecore.batchchecks.notes import RepeatedNotes
from invitecore.batchchecks.sendplan import SendPlan

__all__ = ["DuplicateProspects", "RepeatedNotes", "SendPlan"]
