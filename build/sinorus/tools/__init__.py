"""Helpers for people editing data/: they print or write Turtle, the build never calls them."""
