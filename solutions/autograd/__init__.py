"""Reference answers of the autograd katas."""
