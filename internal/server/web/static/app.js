// newsgraph workbench: the little JavaScript the server-rendered pages use.
// Everything works without it except evidence highlighting and table sorting.
"use strict";

function segs(id) {
  return document.querySelectorAll('[data-ids~="' + id + '"]');
}

function clearFocus() {
  document.querySelectorAll(".focus-t, .focus-s, .focus-g, .focus-q").forEach(function (el) {
    el.classList.remove("focus-t", "focus-s", "focus-g", "focus-q");
  });
  document.querySelectorAll("button.ev[aria-pressed=true]").forEach(function (b) {
    b.setAttribute("aria-pressed", "false");
  });
}

// selectEvent highlights event n's evidence: trigger, source and target.
function selectEvent(n, scroll) {
  clearFocus();
  var btn = document.querySelector('button.ev[data-ev="' + n + '"]');
  if (btn) btn.setAttribute("aria-pressed", "true");
  [["t", "focus-t"], ["s", "focus-s"], ["g", "focus-g"]].forEach(function (p) {
    segs(p[0] + n).forEach(function (el) { el.classList.add(p[1]); });
  });
  var first = segs("t" + n)[0];
  if (scroll && first) first.scrollIntoView({ block: "center" });
}

function initArticle() {
  document.querySelectorAll("button.ev").forEach(function (b) {
    b.addEventListener("click", function () {
      if (b.getAttribute("aria-pressed") === "true") { clearFocus(); return; }
      selectEvent(b.dataset.ev, true);
    });
  });
  document.querySelectorAll("button.qbtn").forEach(function (b) {
    b.addEventListener("click", function () {
      clearFocus();
      segs("q" + b.dataset.q).forEach(function (el) { el.classList.add("focus-q"); });
      var first = segs("q" + b.dataset.q)[0];
      if (first) first.scrollIntoView({ block: "center" });
    });
  });
  var text = document.getElementById("doc-text");
  if (!text) return;
  if (text.dataset.select !== undefined) selectEvent(text.dataset.select, true);
  text.addEventListener("click", function (e) {
    var el = e.target.closest(".seg.trigger");
    if (!el) return;
    var ids = el.dataset.ids.split(" ");
    for (var i = 0; i < ids.length; i++) {
      if (/^t\d+$/.test(ids[i])) {
        var n = ids[i].slice(1);
        selectEvent(n, false);
        var btn = document.querySelector('button.ev[data-ev="' + n + '"]');
        if (btn) btn.scrollIntoView({ block: "nearest" });
        return;
      }
    }
  });
}

function cellValue(row, col, numeric) {
  var td = row.cells[col];
  var v = td.dataset.v !== undefined ? td.dataset.v : td.textContent.trim();
  return numeric ? parseFloat(v) || 0 : v.toLowerCase();
}

function initSort() {
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("th button[data-col]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var th = btn.parentElement;
        var col = +btn.dataset.col, numeric = btn.hasAttribute("data-num");
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, col, numeric), y = cellValue(b, col, numeric);
          var c = x < y ? -1 : x > y ? 1 : 0;
          return dir === "ascending" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  initArticle();
  initSort();
});
