"""Tests of kata graphs/tracing (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
