"""Named mistakes of the keras katas."""
