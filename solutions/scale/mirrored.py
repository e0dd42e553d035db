"""Reference answer of kata scale/mirrored (placeholder)."""


def placeholder() -> None:
    return None
