// Suggestions under a search box while typing: solutions, organisations and tags (ARIA 1.2
// combobox with a list box). Arrow keys move through the suggestions, Enter opens the chosen one,
// Escape closes the list; without a chosen suggestion Enter searches as before. Without this file
// (or without JavaScript) the search form works as a plain form.
(function () {
  "use strict";
  var DELAY = 200;
  var counter = 0;

  function setUp(row) {
    // The search row (label's box and button) carries the settings; the list goes below it.
    var input = row.querySelector('input[type="search"]');
    var url = row.getAttribute("data-suggest-url");
    if (!input || !url || !window.fetch) {
      return;
    }
    counter += 1;
    var listId = "search-suggestions-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", row.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    row.parentNode.insertBefore(list, row.nextSibling);
    row.parentNode.insertBefore(status, list.nextSibling);
    row.parentNode.classList.add("has-suggestions");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var kinds = {
      solutions: row.getAttribute("data-label-solutions") || "",
      organisations: row.getAttribute("data-label-organisations") || "",
      tags: row.getAttribute("data-label-tags") || ""
    };
    var countText = row.getAttribute("data-label-count") || "{count}";
    var options = [];
    var active = -1;
    var timer = null;
    var asked = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[index].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function show(found) {
      list.textContent = "";
      options = [];
      active = -1;
      ["solutions", "organisations", "tags"].forEach(function (kind) {
        (found[kind] || []).forEach(function (item) {
          var option = document.createElement("li");
          option.id = listId + "-" + options.length;
          option.setAttribute("role", "option");
          option.setAttribute("aria-selected", "false");
          option.setAttribute("data-url", item.url);
          var label = document.createElement("span");
          label.textContent = item.label;
          var kindLabel = document.createElement("span");
          kindLabel.className = "suggestion-kind";
          kindLabel.textContent = kinds[kind];
          option.appendChild(label);
          option.appendChild(document.createTextNode(" "));
          option.appendChild(kindLabel);
          option.addEventListener("mousedown", function (event) {
            event.preventDefault(); // keep the focus in the box until the page changes
            window.location.href = item.url;
          });
          list.appendChild(option);
          options.push(option);
        });
      });
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      status.textContent = countText.replace("{count}", String(options.length));
    }

    function load() {
      var text = input.value.trim();
      if (text.length < 2) {
        asked = null;
        close();
        status.textContent = "";
        return;
      }
      if (text === asked) {
        return;
      }
      asked = text;
      fetch(url + "?q=" + encodeURIComponent(text), { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (found) {
          // An older answer arriving late must not replace a newer one.
          if (found && text === input.value.trim()) {
            show(found);
          }
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) {
          if (options.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          }
          return;
        }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= options.length) {
          next = -1;
        } else if (next < -1) {
          next = options.length - 1;
        }
        choose(next);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        window.location.href = options[active].getAttribute("data-url");
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var rows = document.querySelectorAll("[data-suggest-url]");
    for (var i = 0; i < rows.length; i += 1) {
      setUp(rows[i]);
    }
  });
})();
