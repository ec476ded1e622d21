"""Renderers: pure functions from the validated model to HTML."""
