"""The printed QR code points to the site's public address, never to `mkdocs serve`'s preview."""

from __future__ import annotations

import pytest
from mkdocs.config.config_options import _IpAddressValue

from macros.plugin.config import printed_site_url

DEV = _IpAddressValue("127.0.0.1", 8000)


@pytest.mark.parametrize("site_url, serving, printed", [
    ("https://sop.banggaikab.go.id/", False, "https://sop.banggaikab.go.id/"),
    (None, False, None),
    ("", False, None),
    ("https://sop.banggaikab.go.id/", True, None),  # mkdocs serve replaced it with its own address anyway
    ("http://127.0.0.1:8000/", False, None),  # `mkdocs serve --clean` builds as 'build' with the preview's address
    ("http://127.0.0.1:8000/situs/", False, None),
    ("http://127.0.0.1:9000/", False, "http://127.0.0.1:9000/"),
])
def test_printed_site_url(site_url, serving, printed):
    assert printed_site_url(site_url, DEV, serving) == printed
