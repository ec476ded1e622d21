"""The site: what the mkdocs plugin and the macros share."""
