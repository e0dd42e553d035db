"""Reference answers of the keras katas."""
