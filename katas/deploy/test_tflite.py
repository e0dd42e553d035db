"""Tests of kata deploy/tflite (placeholder)."""


def test_placeholder(kata):
    kata.placeholder()
