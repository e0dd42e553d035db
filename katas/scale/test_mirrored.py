"""Tests of kata scale/mirrored (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
