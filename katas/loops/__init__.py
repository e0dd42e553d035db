"""Stubs of the loops katas."""
