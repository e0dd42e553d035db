"""Support code for the kata tests: manifest, loader, checks, strategies. Not a kata."""
