"""The `katas` runner: practise in the terminal beside your editor (see cli.py)."""
