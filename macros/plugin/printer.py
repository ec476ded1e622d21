"""The Chromium that prints the PDFs, started with the build so that it is ready at its end."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..pdf import Printer, warm_document


class PrinterSlot:
    def __init__(self) -> None:
        self.printer: Printer | None = None

    def start(self, config: MkDocsConfig, tabs: int) -> None:
        """Chromium starts, opens its tabs and loads the stylesheets and fonts while the sources are
        read and the pages rendered: seconds of the build's end saved."""
        self.close()
        site_dir, extra_css = Path(config.site_dir), [str(css) for css in config.extra_css]
        self.printer = Printer(site_dir, tabs)
        self.printer.warm_up(lambda: warm_document(site_dir, extra_css))

    def close(self) -> None:
        printer, self.printer = self.printer, None
        if printer is not None:
            printer.close()
