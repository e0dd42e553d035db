"""Stubs of the autograd katas."""
