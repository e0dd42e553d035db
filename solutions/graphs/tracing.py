"""Reference answer of kata graphs/tracing (placeholder)."""


def placeholder() -> None:
    return None
