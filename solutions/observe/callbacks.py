"""Reference answer of kata observe/callbacks (placeholder)."""


def placeholder() -> None:
    return None
