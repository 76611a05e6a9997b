"""The running week and the strength sessions placed around it: `week` (her runs, read from
text), `setup` (the week with the schedule's settings, as she saves it) and `placing` (the
sessions of the coming weeks, each with its reason). A session's own list of steps is the
other kind of plan, in `strongstride.plan`."""
