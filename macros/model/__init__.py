"""The typed model of SOP sources and their registries.

Python names are English; each field's alias is the Indonesian key the authors write.
Models are frozen and forbid unknown keys.
"""
