"""Stubs of the tensors katas."""
