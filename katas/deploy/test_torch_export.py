"""Tests of kata deploy/torch_export (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
