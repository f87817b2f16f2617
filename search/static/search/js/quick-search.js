// Quick search in the header: suggestions under the search field as the visitor types.
// Without this script the form still submits to /rechercher/.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 250;

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector("#quick-search-panel");
    var status = form.querySelector("#quick-search-status");
    var timer = null;
    var pending = null;

    function links() {
      return Array.prototype.slice.call(panel.querySelectorAll("a"));
    }

    function close() {
      panel.hidden = true;
      panel.innerHTML = "";
      status.textContent = "";
    }

    function show(html) {
      panel.innerHTML = html;
      panel.hidden = false;
      var results = panel.querySelector("[data-count]");
      var count = results ? parseInt(results.getAttribute("data-count"), 10) : 0;
      status.textContent =
        count === 0 ? "Aucune suggestion" : count === 1 ? "1 suggestion" : count + " suggestions";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (pending) {
        pending.abort();
      }
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      pending = new AbortController();
      var url = form.getAttribute("data-quick-search-url") + "?q=" + encodeURIComponent(query);
      fetch(url, { signal: pending.signal, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.text() : Promise.reject(response.status);
        })
        .then(show)
        .catch(function () {
          // Aborted by a newer keystroke, or the server failed: the form still works without suggestions.
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    form.addEventListener("keydown", function (event) {
      if (panel.hidden) {
        return;
      }
      var items = links();
      var index = items.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault();
        close();
        input.focus();
      } else if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        items[Math.min(index + 1, items.length - 1)].focus();
      } else if (event.key === "ArrowUp" && index >= 0) {
        event.preventDefault();
        (index === 0 ? input : items[index - 1]).focus();
      }
    });

    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !form.contains(event.relatedTarget)) {
        close();
      }
    });

    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) {
        close();
      }
    });
  }

  document.querySelectorAll("form[data-quick-search-url]").forEach(enhance);
})();
