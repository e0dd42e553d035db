"""Kata graphs/xla: (placeholder, being written)."""


def placeholder() -> None:
    """Placeholder."""
    raise NotImplementedError("placeholder(): not implemented yet (kata graphs/xla)")
