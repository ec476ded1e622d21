/* Pencarian SOP: the header search box (macros/plugin/templates/partials/sop-cari.html) over the
   Pagefind index in pagefind/ (macros/search/). Nothing is fetched until the box is used: focusing
   it loads Pagefind's script and its Indonesian word list; each query then fetches only the index
   chunks and result fragments it needs. Results are built with textContent; the excerpt Pagefind
   returns is reduced to its text and <mark> elements before it is shown (SOP text is data). */
(() => {
  "use strict";
  const box = document.querySelector("[data-sop-cari]");
  if (!box) return;
  const toggle = document.getElementById("__search");
  const input = box.querySelector("[data-sop-cari-kotak]");
  const form = input.form;
  const list = box.querySelector("[data-sop-cari-hasil]");
  const message = box.querySelector("[data-sop-cari-pesan]");
  const bar = box.querySelector("[data-sop-cari-saring]");
  const fields = bar.querySelector("div");
  const summary = bar.querySelector("summary");
  const more = box.querySelector("[data-sop-cari-lagi]");
  const root = new URL(box.getAttribute("data-sop-cari"), location.href);
  const PAGE = 10; // results shown at a time
  const WAIT = 120; // ms after the last key before searching
  const HINT = message.textContent;
  // filter key (macros/search/record.py FILTERS) -> label, in the order shown
  const FILTERS = [["instansi", "Instansi"], ["unit", "Bidang/Unit"], ["jenis", "Jenis kegiatan"],
                   ["status", "Status"], ["pelaksana", "Pelaksana"]];
  const chosen = {}; // filter key -> value ("" or absent: all)
  let engine = null; // Promise of the Pagefind module, made on first use
  let found = []; // the current query's results, in rank order
  let shown = 0;
  let asked = 0; // the latest query's number: an older answer arriving late is dropped
  let timer = 0;

  const say = (text) => { message.textContent = text; };

  function load() {
    if (engine) return engine;
    engine = import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
      await pagefind.options({ excerptLength: 22 });
      await pagefind.init();
      return pagefind;
    });
    engine.catch(() => {
      say("Pencarian tidak dapat dimuat. Gunakan Daftar SOP di beranda.");
    });
    return engine;
  }

  // The filters' data (a file per filter, tens of KB at thousands of SOPs) is fetched when the reader
  // opens "Saring hasil", not with every search.
  let filtersLoaded = false;
  async function filters() {
    if (filtersLoaded) return;
    filtersLoaded = true;
    let available;
    try { available = await (await load()).filters(); } catch { filtersLoaded = false; return; }
    for (const [key, label] of FILTERS) {
      const values = Object.keys(available[key] || {}).sort((a, b) => a.localeCompare(b, "id"));
      if (values.length < 2) continue; // one value narrows nothing
      const field = document.createElement("label");
      field.className = "sop-cari-isian";
      field.append(label);
      const select = document.createElement("select");
      select.setAttribute("data-sop-cari-filter", key);
      const all = new Option("Semua", "");
      select.add(all);
      for (const value of values) select.add(new Option(`${value} (${available[key][value]})`, value));
      select.addEventListener("change", () => {
        chosen[key] = select.value;
        const active = Object.values(chosen).filter(Boolean).length;
        summary.textContent = active ? `Saring hasil (${active} aktif)` : "Saring hasil";
        search();
      });
      field.append(select);
      fields.append(field);
    }
    if (!fields.childElementCount) fields.textContent = "Tidak ada saringan: semua SOP sama.";
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    load();
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  /* Pagefind's excerpt as text and <mark> only, whatever it holds. */
  function excerpt(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    const out = document.createDocumentFragment();
    for (const node of template.content.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(document.createTextNode(node.textContent));
      }
    }
    return out;
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = data.meta.title || "";
    const status = data.meta.status;
    if (status && status !== "Berlaku") {
      const badge = document.createElement("span");
      badge.className = `sop-lencana sop-lencana--${status === "Draf" ? "draf" : "dicabut"}`;
      badge.textContent = status.toUpperCase();
      title.append(" ", badge);
    }
    const facts = document.createElement("p");
    facts.className = "sop-cari-nomor";
    facts.textContent = [data.meta.nomor, data.meta.instansi].filter(Boolean).join(" · ");
    const text = document.createElement("p");
    text.append(excerpt(data.excerpt || ""));
    article.append(title, facts, text);
    link.append(article);
    li.append(link);
    return li;
  }

  async function showMore(number) {
    const next = found.slice(shown, shown + PAGE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (number !== asked) return;
    for (const one of data) list.append(item(one));
    shown += next.length;
    more.hidden = shown >= found.length;
  }

  async function search() {
    const number = ++asked;
    const term = input.value.trim();
    const narrowed = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v));
    if (!term && !Object.keys(narrowed).length) {
      found = []; shown = 0; list.replaceChildren(); more.hidden = true; say(HINT);
      return;
    }
    say("Mencari …");
    let pagefind;
    try { pagefind = await load(); } catch { return; }
    const answer = await pagefind.search(term || null, { filters: narrowed });
    if (number !== asked || !answer) return;
    found = answer.results; shown = 0;
    list.replaceChildren();
    await showMore(number);
    if (number !== asked) return;
    // said once the first results are on the page (tests and screen readers wait for it)
    if (!found.length) say("Tidak ada SOP yang cocok");
    else say(found.length === 1 ? "1 SOP cocok" : `${found.length.toLocaleString("id-ID")} SOP cocok`);
  }

  bar.addEventListener("toggle", () => { if (bar.open) filters(); });
  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, WAIT);
  });
  if (toggle) {
    toggle.addEventListener("change", () => {
      if (toggle.checked) { load(); setTimeout(() => input.focus(), 0); }
    });
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { search(); input.focus(); }, 0);
  });
  more.addEventListener("click", () => showMore(asked));

  // keys: "/" or "s" opens the box anywhere; in it, Escape closes, arrows move through the results
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    const inBox = box.contains(target);
    if (!inBox && !typing && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
      input.focus();
      return;
    }
    if (!inBox) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const links = [...list.querySelectorAll("a")];
      if (!links.length) return;
      event.preventDefault();
      const at = links.indexOf(document.activeElement);
      const next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
      (next < 0 ? input : links[next]).focus();
    }
  });
})();
