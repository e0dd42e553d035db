"""Kata graphs/tracing: (placeholder, being written)."""


def placeholder() -> None:
    """Placeholder."""
    raise NotImplementedError("placeholder(): not implemented yet (kata graphs/tracing)")
