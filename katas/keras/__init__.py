"""Stubs of the keras katas."""
