"""Reference answers: ``solutions/<topic>/<kata>.py`` mirrors ``katas/<topic>/<kata>.py``."""

from katas._support import frameworks

frameworks.set_up()  # quiet framework logs; a Keras backend that is installed
