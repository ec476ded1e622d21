"""One exception base: every exception class the package defines is a `Failure` (a line for the
user); anything else raised is a bug, reported as an internal error."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import macros
from macros.failures import Failure


def _exception_classes() -> dict[str, type]:
    found = {}
    for module_info in pkgutil.walk_packages(macros.__path__, "macros."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == module.__name__:
                found[f"{module.__name__}.{name}"] = value
    return found


def test_every_exception_of_the_package_is_a_failure():
    classes = _exception_classes()
    assert len(classes) >= 10  # the base and the nine kinds of failure
    assert {name for name, cls in classes.items() if not issubclass(cls, Failure)} == set()
