"""The `sop` mkdocs plugin: loads and checks the sources once, adds one page per SOP."""
