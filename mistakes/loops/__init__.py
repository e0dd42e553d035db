"""Named mistakes of the loops katas."""
