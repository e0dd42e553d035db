"""Named mistakes of the autograd katas."""
