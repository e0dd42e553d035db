"""Named mistakes of the tensors katas."""
