"""Reference answers: ``solutions/<topic>/<kata>.py`` mirrors ``katas/<topic>/<kata>.py``."""

from katas._support.quiet import quiet_frameworks

quiet_frameworks()
