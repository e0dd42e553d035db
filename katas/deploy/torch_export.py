"""Kata deploy/torch_export: (placeholder, being written)."""


def placeholder() -> None:
    """Placeholder."""
    raise NotImplementedError("placeholder(): not implemented yet (kata deploy/torch_export)")
