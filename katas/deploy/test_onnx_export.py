"""Tests of kata deploy/onnx_export (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
