// Searchable pickers for long lists (ARIA 1.2 combobox with a multi-select list box).
//
// Progressive enhancement of two plain controls, which are what the page offers without JavaScript:
// a <select multiple data-combobox> and a <fieldset data-combobox> of checkboxes. The plain control
// stays in the form, hidden, and stays the one that is sent: the combobox only ticks its options.
// Typing filters the list; Down and Up move through it, Enter adds or removes the option shown as
// active, Escape closes the list (or empties the box); each chosen item has its own remove button.
(function () {
  "use strict";
  var LIMIT = 50;
  var counter = 0;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function text(element, name, fallback) {
    return element.getAttribute(name) || fallback;
  }

  // The source's options as {label, group, selected(), set(bool)}, whatever the source is.
  function itemsOf(source) {
    var items = [];
    if (source.tagName === "SELECT") {
      Array.prototype.forEach.call(source.options, function (option) {
        var group = option.parentNode.tagName === "OPTGROUP" ? option.parentNode.label : "";
        items.push({
          label: option.textContent.trim(),
          group: group,
          selected: function () { return option.selected; },
          set: function (on) { option.selected = on; }
        });
      });
    } else {
      source.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
        var label = source.querySelector('label[for="' + box.id + '"]');
        var details = box.closest("details");
        var summary = details ? details.querySelector("summary") : null;
        items.push({
          label: label ? label.textContent.trim() : box.value,
          group: summary ? summary.textContent.trim() : "",
          selected: function () { return box.checked; },
          set: function (on) { box.checked = on; }
        });
      });
    }
    return items;
  }

  function setUp(source) {
    var items = itemsOf(source);
    if (!items.length) {
      return;
    }
    counter += 1;
    var base = "combobox-" + counter;
    var root = source.closest("[data-combobox-root]") || document.body;
    var settings = document.getElementById("combobox-texts") || root;
    var texts = {
      hint: text(settings, "data-text-hint", "Type to search, then choose with the arrow keys and Enter."),
      chosen: text(settings, "data-text-chosen", "Chosen"),
      none: text(settings, "data-text-none", "None chosen"),
      remove: text(settings, "data-text-remove", "Remove {label}"),
      added: text(settings, "data-text-added", "{label} added"),
      removed: text(settings, "data-text-removed", "{label} removed"),
      count: text(settings, "data-text-count", "{count} matches"),
      more: text(settings, "data-text-more", "Type more to see the rest.")
    };

    var box = document.createElement("div");
    box.className = "combobox";
    var chosenHeading = document.createElement("p");
    chosenHeading.className = "combobox-chosen-heading";
    chosenHeading.id = base + "-chosen-heading";
    var chosen = document.createElement("ul");
    chosen.className = "combobox-chosen";
    chosen.setAttribute("aria-labelledby", chosenHeading.id);
    var input = document.createElement("input");
    input.type = "text";
    input.id = base + "-input";
    input.className = "combobox-input";
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", base + "-list");
    var hint = document.createElement("p");
    hint.className = "hint";
    hint.id = base + "-hint";
    hint.textContent = texts.hint;
    var list = document.createElement("ul");
    list.id = base + "-list";
    list.className = "combobox-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-multiselectable", "true");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    // The name of the box: the source's own label (moved to the box) or the fieldset's legend.
    var label = source.id ? document.querySelector('label[for="' + source.id + '"]') : null;
    var describedBy = [hint.id];
    if (label) {
      label.htmlFor = input.id;
      list.setAttribute("aria-labelledby", label.id || (label.id = base + "-label"));
      var help = source.getAttribute("aria-describedby");
      if (help) {
        describedBy.push(help);
      }
    } else {
      var legend = source.querySelector("legend");
      if (legend) {
        legend.id = legend.id || base + "-legend";
        input.setAttribute("aria-labelledby", legend.id);
        list.setAttribute("aria-labelledby", legend.id);
      }
    }
    input.setAttribute("aria-describedby", describedBy.join(" "));

    box.appendChild(hint);
    box.appendChild(input);
    box.appendChild(list);
    box.appendChild(status);
    box.appendChild(chosenHeading);
    box.appendChild(chosen);

    if (source.tagName === "SELECT") {
      source.hidden = true;
      source.parentNode.insertBefore(box, source.nextSibling);
    } else {
      // The groups of checkboxes give way to the box; the legend and any error stay.
      Array.prototype.forEach.call(source.children, function (child) {
        if (child.tagName !== "LEGEND" && !child.classList.contains("errorlist")) {
          child.hidden = true;
        }
      });
      source.appendChild(box);
    }

    var shown = [];
    var active = -1;

    function renderChosen() {
      chosen.textContent = "";
      var any = false;
      items.forEach(function (item) {
        if (!item.selected()) {
          return;
        }
        any = true;
        var row = document.createElement("li");
        var name = document.createElement("span");
        name.textContent = item.label;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "secondary combobox-remove";
        remove.textContent = texts.remove.replace("{label}", item.label);
        remove.addEventListener("click", function () {
          item.set(false);
          status.textContent = texts.removed.replace("{label}", item.label);
          renderChosen();
          if (!list.hidden) {
            filter();
          }
          input.focus();
        });
        row.appendChild(name);
        row.appendChild(remove);
        chosen.appendChild(row);
      });
      chosenHeading.textContent = any ? texts.chosen : texts.none;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(index) {
      var options = list.querySelectorAll('[role="option"]');
      if (active >= 0 && options[active]) {
        options[active].classList.remove("combobox-active");
      }
      active = index;
      if (index < 0 || !options[index]) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[index].classList.add("combobox-active");
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function toggle(item) {
      var on = !item.selected();
      item.set(on);
      status.textContent = (on ? texts.added : texts.removed).replace("{label}", item.label);
      renderChosen();
      var keep = active;
      filter();
      activate(keep);
    }

    function filter() {
      var words = fold(input.value.trim()).split(/\s+/).filter(Boolean);
      var matches = items.filter(function (item) {
        var haystack = fold(item.label + " " + item.group);
        return words.every(function (word) { return haystack.indexOf(word) >= 0; });
      });
      shown = matches.slice(0, LIMIT);
      list.textContent = "";
      shown.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = base + "-option-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", item.selected() ? "true" : "false");
        option.textContent = item.label;
        if (item.group && item.group !== item.label) {
          var group = document.createElement("span");
          group.className = "combobox-group";
          group.textContent = " – " + item.group;
          option.appendChild(group);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // the focus stays in the box
          activate(index);
          toggle(item);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      var message = texts.count.replace("{count}", String(matches.length));
      if (matches.length > LIMIT) {
        message += " " + texts.more;
      }
      status.textContent = message;
    }

    input.addEventListener("input", filter);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          filter();
          activate(event.key === "ArrowDown" ? 0 : shown.length - 1);
          return;
        }
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= shown.length) {
          next = 0;
        } else if (next < 0) {
          next = shown.length - 1;
        }
        activate(next);
      } else if (event.key === "Enter") {
        // Enter never sends the whole form from here: it chooses.
        event.preventDefault();
        if (!list.hidden && active >= 0 && shown[active]) {
          toggle(shown[active]);
        } else if (!list.hidden && shown.length === 1) {
          toggle(shown[0]);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
    renderChosen();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[multiple][data-combobox], fieldset[data-combobox]").forEach(setUp);
  });
})();
