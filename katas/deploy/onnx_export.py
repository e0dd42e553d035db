"""Kata deploy/onnx_export: (placeholder, being written)."""


def placeholder() -> None:
    """Placeholder."""
    raise NotImplementedError("placeholder(): not implemented yet (kata deploy/onnx_export)")
