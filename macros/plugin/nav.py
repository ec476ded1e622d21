"""The navigation of the generated pages: the sections mkdocs made of the generated folders named
and ordered from the build (Dokumen SOP by agency and unit, each SOP's views in the order of the
view registry, Pelaksana), and each page's own copy of it."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..site.data import SiteData
from ..site.pages import view_order
from ..urls import AUDIT_FOLDER, ROLE_FOLDER, ROLE_SECTION_INDEX, SOP_FOLDER, PageKind, PageRef, section_of

SECTION_TITLE = "Dokumen SOP"


class _PageNav:
    """The navigation one page is rendered with (what the theme reads of it: items, homepage)."""

    def __init__(self, items: list, homepage: Page | None):
        self.items = items
        self.homepage = homepage

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)



class SopNav:
    """Made per build: the site's SOPs and registries, and its generated pages by src_uri."""

    def __init__(self, site: SiteData, pages: dict[str, PageRef]) -> None:
        self.site = site
        self.pages = pages
        self._documents: Section | None = None

    def arrange(self, nav: Navigation) -> Navigation:
        """Name the generated sections (folders are named by slug) and order them. A section is
        known by the pages it holds (their src_uri), not by the title mkdocs gave its folder."""
        self._documents = None
        for item in nav.items:
            folder = _folder_of(item)
            if folder == SOP_FOLDER:
                item.title = SECTION_TITLE
                for child in item.children:
                    self._name_sop_section(child)
                item.children.sort(key=lambda child: (not isinstance(child, Page), str(child.title or "").lower(), _uri(child)))
                self._group_by_agency(item)
                self._documents = item
            elif folder == ROLE_FOLDER:
                item.title = "Pelaksana"
                item.children.sort(key=lambda child: (not isinstance(child, Page) or child.file.src_uri != ROLE_SECTION_INDEX,
                                                      str(child.title or "").lower(), _uri(child)))
        # the documents, then the people, then the inspector's page
        nav.items.sort(key=lambda item: {ROLE_FOLDER: 1, AUDIT_FOLDER: 2}.get(_folder_of(item) or "", 0))
        return nav

    def _group_by_agency(self, documents: Section) -> None:
        """One nav section per agency when there are several: thousands of SOPs stay findable,
        and with `navigation.prune` a page carries only its own agency's entries."""
        groups: dict[str, list] = {}
        index = [child for child in documents.children if isinstance(child, Page)]
        for child in documents.children:
            if isinstance(child, Page):
                continue
            sop = self.site.sops.get(self._slug_of_section(child) or "")
            groups.setdefault(sop.agency if sop else "", []).append(child)
        if len(groups) < 2:
            return
        agencies = self.site.registries.agencies
        sections = []
        for agency_id, children in groups.items():
            name = agencies[agency_id].name if agency_id in agencies else "Lain-lain"
            sections.append((agency_id, self._subsection(name, self._group_by_unit(children), documents)))
        sections.sort(key=lambda pair: (str(pair[1].title).lower(), pair[0]))
        documents.children = index + [section for _, section in sections]

    def _group_by_unit(self, children: list) -> list:
        """Within an agency, one more level by bidang/unit when its SOPs name several."""
        units: dict[str, list] = {}
        for child in children:
            sop = self.site.sops.get(self._slug_of_section(child) or "")
            units.setdefault((sop.unit if sop else None) or "", []).append(child)
        if len(units) < 2:
            return children
        grouped = [self._subsection(unit or "Lain-lain", items, None) for unit, items in units.items()]
        return sorted(grouped, key=lambda s: (str(s.title).lower(), str(s.title)))

    @staticmethod
    def _subsection(title: str, children: list, parent: Section | None) -> Section:
        section = Section(str(escape(title)), children)
        section.parent = parent
        for child in children:
            child.parent = section
        return section

    def for_page(self, context: dict, nav: Navigation) -> dict:
        """Under "Dokumen SOP", a page's navigation holds only its own agency's branch, so no
        page grows with the number of SOPs; other agencies are one click away in Daftar SOP."""
        documents = self._documents
        if documents is None or not documents.active:
            return context
        kept = [child for child in documents.children if child.active or (isinstance(child, Page) and child.is_index)]
        branch = Section(documents.title, kept)
        branch.active = True
        context["nav"] = _PageNav([branch if item is documents else item for item in nav.items], nav.homepage)
        return context

    def _slug_of_section(self, section) -> str | None:
        if isinstance(section, Section):
            for child in section.children:
                if isinstance(child, Page) and child.file.src_uri in self.pages:
                    return self.pages[child.file.src_uri].slug
        return None

    def _name_sop_section(self, section) -> None:
        if not isinstance(section, Section):
            return
        slug = None
        for child in section.children:
            if isinstance(child, Page) and child.file.src_uri in self.pages:
                slug = self.pages[child.file.src_uri].slug
            elif isinstance(child, Section) and _kinds_in(child, self.pages) == {PageKind.CHECKLIST}:
                child.title = "Checklist"
        if slug is None:
            return
        sop = self.site.sops.get(slug)
        section.title = str(escape(sop.title if sop else slug))

        def order(child) -> tuple[int, str, str]:
            if isinstance(child, Page) and child.file.src_uri in self.pages:
                return (view_order(self.pages[child.file.src_uri].kind), "", child.file.src_uri)
            return (len(PageKind), str(child.title), _uri(child))

        section.children.sort(key=order)


def _pages_in(item) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages_in(child)]
    return []


def _folder_of(item) -> str | None:
    """The generated folder ('sop', 'pelaksana', 'audit') a top-level nav section holds, found by its pages."""
    if not isinstance(item, Section):
        return None
    folders = {section_of(page.file.src_uri) for page in _pages_in(item)}
    return folders.pop() if len(folders) == 1 else None


def _kinds_in(section: Section, pages: dict[str, PageRef]) -> set[PageKind]:
    return {pages[p.file.src_uri].kind if p.file.src_uri in pages else None for p in _pages_in(section)}


def _uri(item) -> str:
    """A total tie-break for sorting navigation items that share a title."""
    if isinstance(item, Page):
        return item.file.src_uri
    if isinstance(item, Section):
        return min((_uri(child) for child in item.children), default="")
    return ""
