"""Tests of kata deploy/saved_model (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
