"""Tests of kata graphs/compile (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
