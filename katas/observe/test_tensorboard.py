"""Tests of kata observe/tensorboard (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
