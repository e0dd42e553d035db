"""Kata deploy/saved_model: (placeholder, being written)."""


def placeholder() -> None:
    """Placeholder."""
    raise NotImplementedError("placeholder(): not implemented yet (kata deploy/saved_model)")
