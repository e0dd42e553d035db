"""Correct answers in other styles than the reference: every kata test must accept them (--verify)."""
