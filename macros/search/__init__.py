"""Site search: a Pagefind index of the published SOPs, written by the build.

`record` makes one lean HTML document per SOP from the model (what is searched, how it is weighted,
what is shown in a result and filtered on); `index` hands them to Pagefind, which writes the chunked
index the header search box (macros/plugin/static/assets/cari.js) fetches piece by piece, and nothing at page load.
"""
