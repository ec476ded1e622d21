/* Daftar SOP: filter and sort the table that the page already holds in full.
   Without JavaScript nothing here runs and the whole table stays visible. */
(function () {
  "use strict";

  function natural(a, b) {
    return a.localeCompare(b, "id", { numeric: true, sensitivity: "base" });
  }

  function setUp(box) {
    var form = box.querySelector(".sop-saring");
    var table = box.querySelector("table.sop-daftar");
    if (!form || !table) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var output = form.querySelector(".sop-saring-hasil");
    var fields = form.querySelectorAll("[data-saring]");
    function cell(row, key) {
      var found = row.querySelector(".sop-daftar-" + key);
      return found ? found.textContent.trim() : "";
    }
    var texts = rows.map(function (row) {
      return (cell(row, "nomor") + " " + cell(row, "judul")).toLowerCase();
    });

    function apply() {
      var want = {};
      fields.forEach(function (f) { want[f.dataset.saring] = f.value.trim(); });
      var needle = (want.teks || "").toLowerCase();
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = (!want.instansi || row.dataset.instansi === want.instansi) &&
          (!want.jenis || row.dataset.jenis === want.jenis) &&
          (!want.status || row.dataset.status === want.status) &&
          (!want.tinjauan || (" " + (row.dataset.tinjauan || "") + " ").indexOf(" " + want.tinjauan + " ") >= 0) &&
          (!want.pelaksana || (" " + row.dataset.pelaksana + " ").indexOf(" " + want.pelaksana + " ") >= 0) &&
          (!needle || texts[i].indexOf(needle) >= 0);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      output.textContent = shown + " dari " + rows.length + " SOP";
    }

    function sortBy(th) {
      var key = th.dataset.urut;
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th[data-urut]").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var value = function (row) {
        if (key === "efektif") return row.dataset.efektif || "9999";
        if (key === "instansi") return row.dataset.instansi;
        return cell(row, key);
      };
      var sorted = rows.slice().sort(function (a, b) {
        var order = natural(value(a), value(b)) || (+a.dataset.urutan - +b.dataset.urutan);
        return ascending ? order : -order;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    }

    table.querySelectorAll("th[data-urut]").forEach(function (th) {
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
    box.querySelector(".sop-jumlah").hidden = true;
    apply();
  }

  document.querySelectorAll(".sop-daftar-wadah").forEach(setUp);
})();
