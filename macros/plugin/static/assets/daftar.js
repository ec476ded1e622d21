/* Daftar SOP: filter and sort the table that the page already holds in full.
   Without JavaScript nothing here runs and the whole table stays visible. */
(function () {
  "use strict";

  function natural(a, b) {
    return a.localeCompare(b, "id", { numeric: true, sensitivity: "base" });
  }

  function setUp(box) {
    var form = box.querySelector(".sop-saring");
    var tables = Array.prototype.slice.call(box.querySelectorAll("table.sop-daftar"));
    if (!form || !tables.length) return;
    var rows = [];
    tables.forEach(function (table) { rows = rows.concat(Array.prototype.slice.call(table.tBodies[0].rows)); });
    var output = form.querySelector(".sop-saring-hasil");
    var fields = form.querySelectorAll("[data-saring]");
    function cell(row, key) {
      var found = row.querySelector(".sop-daftar-" + key);
      return found ? found.textContent.trim() : "";
    }
    var texts = rows.map(function (row) {
      return (cell(row, "nomor") + " " + cell(row, "judul")).toLowerCase();
    });

    /* A select marked data-saring-cara="kata" matches one of the row's space-separated words
       (the roles of an SOP, the codes of its findings); any other matches the whole value. */
    function matches(row, field) {
      var value = field.value.trim();
      if (!value) return true;
      var have = row.dataset[field.dataset.saring] || "";
      if (field.dataset.saringCara === "kata") return (" " + have + " ").indexOf(" " + value + " ") >= 0;
      return have === value;
    }

    function apply() {
      var needle = "";
      var selects = [];
      fields.forEach(function (f) {
        if (f.dataset.saring === "teks") needle = f.value.trim().toLowerCase();
        else selects.push(f);
      });
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = selects.every(function (f) { return matches(row, f); }) && (!needle || texts[i].indexOf(needle) >= 0);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      tables.forEach(function (table) {
        var section = table.closest("section");
        if (!section) return;
        section.hidden = !Array.prototype.some.call(table.tBodies[0].rows, function (row) { return !row.hidden; });
      });
      output.textContent = shown + " dari " + rows.length + " SOP";
    }

    function sortBy(th) {
      var table = th.closest("table");
      var body = table.tBodies[0];
      var key = th.dataset.urut;
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th[data-urut]").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var value = function (row) {
        if (key === "efektif") return row.dataset.efektif || "9999";
        if (key === "instansi") return row.dataset.instansi;
        return cell(row, key);
      };
      var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
        var order = natural(value(a), value(b)) || (+a.dataset.urutan - +b.dataset.urutan);
        return ascending ? order : -order;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    }

    box.querySelectorAll("th[data-urut]").forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sop-urut";
      button.textContent = th.textContent;
      button.title = "Urutkan menurut " + th.textContent.toLowerCase();
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(th); });
    });
    fields.forEach(function (f) { f.addEventListener("input", apply); f.addEventListener("change", apply); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    box.classList.add("sop-daftar-wadah--aktif");  /* the sort buttons show on a narrow screen too */
    box.querySelectorAll(".sop-jumlah").forEach(function (count) { count.hidden = true; });
    apply();
  }

  document.querySelectorAll(".sop-daftar-wadah").forEach(setUp);
})();
