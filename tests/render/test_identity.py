"""The identity block: kop with logo, signer, and the two-column grid."""

from __future__ import annotations

from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.render.context import Registries
from macros.render.identity import identity_block
from macros.render.links import Links
from tests.conftest import SEED_SOURCES


def _seed():
    project = load_project(source_sets([SEED_SOURCES])[0])
    return project, project.documents[0].sop


def test_logo_is_shown_when_the_agency_has_one():
    project, sop = _seed()
    agency = project.agencies.entries[sop.agency].model_copy(update={"logo": "assets/logo banggai.png", "address": "Jl. A & B"})
    registries = Registries.of({sop.agency: agency}, project.roles.entries, project.legal_bases.entries)
    html = str(identity_block(sop, registries, {}, Links(lambda p: "../../" + p)))
    assert '<img class="sop-logo" src="../../assets/logo banggai.png" alt="Logo Pemerintah Kabupaten Banggai">' in html
    assert '<div class="sop-kop-alamat">Jl. A &amp; B</div>' in html


def test_no_logo_no_image():
    project, sop = _seed()
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    html = str(identity_block(sop, registries, {}, Links(lambda p: p)))
    assert "<img" not in html and "sop-kop-alamat" not in html
    assert '<div class="sop-ttd" role="img" aria-label="Tempat tanda tangan dan cap"></div>' in html
    assert "<div>NIP. 19690815 199803 1 008</div>" in html
    assert "<div>Pembina Utama Muda, IV/c</div>" in html
