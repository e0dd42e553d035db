"""Plausible wrong answers, one module per kata, that the kata's tests must reject.

``mistakes/<topic>/<kata>.py`` holds functions decorated with
:func:`katas._support.mistakes.mistake`; each replaces one public name of the solution.
"""
