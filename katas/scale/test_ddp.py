"""Tests of kata scale/ddp (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
