// mtcheck review: keyboard navigation and decisions. No article text is ever evaluated or inserted as
// HTML here: the script only moves focus, toggles classes and submits the server-rendered forms.
"use strict";
(function () {
  // Index: filters submit on change, leaving the empty ones out of the URL.
  var filters = document.getElementById("filters");
  if (filters) {
    filters.addEventListener("submit", function () {
      filters.querySelectorAll("select, input[type=hidden]").forEach(function (el) {
        if (!el.value) el.disabled = true;
      });
    });
    filters.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () {
        if (filters.requestSubmit) filters.requestSubmit(); else filters.submit();
      });
    });
  }

  var list = document.getElementById("findings");
  if (!list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll(":scope > li"));
  var current = -1;

  function marksOf(n) {
    return Array.prototype.filter.call(document.querySelectorAll("mark[data-f]"), function (m) {
      return m.getAttribute("data-f").split(" ").indexOf(String(n)) >= 0;
    });
  }

  function select(i, scroll) {
    if (!items.length) return;
    i = Math.max(0, Math.min(items.length - 1, i));
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    items.forEach(function (li) { li.classList.remove("current"); });
    current = i;
    var li = items[i];
    li.classList.add("current");
    var n = li.getAttribute("value");
    var marks = marksOf(n);
    marks.forEach(function (m) { m.classList.add("current"); });
    if (scroll) {
      li.scrollIntoView({block: "nearest"});
      if (marks.length) marks[0].scrollIntoView({block: "center"});
    }
    if (history.replaceState) history.replaceState(null, "", "#f" + n);
  }

  function submit(key) {
    if (current < 0) return false;
    var button = items[current].querySelector('button[data-key="' + key + '"]');
    if (!button) return false;
    var form = button.form;
    if (form.requestSubmit) form.requestSubmit(button); else button.click();
    return true;
  }

  items.forEach(function (li, i) {
    li.addEventListener("click", function (e) {
      if (e.target.closest("form, a")) return;
      select(i, false);
    });
  });
  document.querySelectorAll("mark[data-f]").forEach(function (m) {
    m.addEventListener("click", function () {
      var n = m.getAttribute("data-f").split(" ")[0];
      var i = items.findIndex(function (li) { return li.getAttribute("value") === n; });
      if (i >= 0) select(i, true);
    });
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) {
      if (e.key === "Escape") t.blur();
      return;
    }
    var handled = true;
    if (e.key === "j") select(current + 1, true);
    else if (e.key === "k") select(current < 0 ? 0 : current - 1, true);
    else if (e.key === "c" || e.key === "f" || e.key === "u") handled = submit(e.key);
    else if (e.key === "n" && current >= 0) items[current].querySelector('input[name="note"]').focus();
    else handled = false;
    if (handled) e.preventDefault();
  });

  // After a decision the server sends us back to #fN: select it again so j/k continue from there.
  var m = /^#f(\d+)$/.exec(location.hash);
  var start = m ? items.findIndex(function (li) { return li.getAttribute("value") === m[1]; }) : -1;
  if (start >= 0) select(start, true);
})();
