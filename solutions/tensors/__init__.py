"""Reference answers of the tensors katas."""
