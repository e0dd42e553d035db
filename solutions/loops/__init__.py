"""Reference answers of the loops katas."""
