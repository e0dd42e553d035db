"""Tests of kata observe/callbacks (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
