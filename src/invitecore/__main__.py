"""``python -m invitecore``: the same as the ``invitecore`` command."""

from invitecore.cli import main

main()
