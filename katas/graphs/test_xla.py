"""Tests of kata graphs/xla (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
