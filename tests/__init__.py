"""Meta-tests of the project itself: manifest, strategies, isolation, imports, reporting."""
