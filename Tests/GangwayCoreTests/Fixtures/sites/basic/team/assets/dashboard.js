/* Gangway dashboard: optional enhancements. Without this script the dashboard still lists every
   clinic, most urgent first, and the state links filter it (CSS :target). With it, a search box
   narrows the list by name and the column headers sort every table. */
(function () {
  "use strict";
  var groups = document.querySelector(".dashboard .groups");
  if (!groups || !document.querySelectorAll) return;
  var rows = Array.prototype.slice.call(groups.querySelectorAll("tbody tr"));

  // Search by clinic name.
  var box = document.createElement("div");
  box.className = "finder";
  box.innerHTML = '<label for="finder-input">Find a clinic</label> ' +
    '<input id="finder-input" type="search" autocomplete="off" spellcheck="false">' +
    ' <span class="finder-count" role="status" aria-live="polite"></span>';
  groups.parentNode.insertBefore(box, groups);
  var input = box.querySelector("input"), count = box.querySelector(".finder-count");
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (tr) {
      var hit = !q || tr.querySelector("th").textContent.toLowerCase().indexOf(q) >= 0;
      tr.hidden = !hit;
      if (hit) shown++;
    });
    Array.prototype.forEach.call(groups.querySelectorAll("section"), function (s) {
      s.hidden = !s.querySelector("tbody tr:not([hidden])");
    });
    count.textContent = q ? shown + (shown === 1 ? " clinic" : " clinics") + " match" : "";
  });

  // Sortable columns: one click sorts ascending, the next descending; all tables alike.
  var tables = Array.prototype.slice.call(groups.querySelectorAll("table"));
  if (!tables.length) return;
  var heads = tables[0].querySelectorAll("thead th");
  function key(tr, col) {
    var cell = tr.children[col], n = cell.getAttribute("data-sort");
    return n !== null ? Number(n) : cell.textContent.trim().toLowerCase();
  }
  function sortBy(col, dir) {
    tables.forEach(function (table) {
      var body = table.tBodies[0];
      var list = Array.prototype.slice.call(body.rows);
      list.sort(function (a, b) {
        var x = key(a, col), y = key(b, col);
        return (x < y ? -1 : x > y ? 1 : 0) * dir;
      });
      list.forEach(function (tr) { body.appendChild(tr); });
      Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th, i) {
        if (i === col) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
    });
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    var label = th.textContent;
    tables.forEach(function (table) {
      var cell = table.querySelectorAll("thead th")[col];
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = label;
      cell.textContent = "";
      cell.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(col, cell.getAttribute("aria-sort") === "ascending" ? -1 : 1);
      });
    });
  });
})();
