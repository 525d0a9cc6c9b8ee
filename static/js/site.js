// Small enhancements; every page works without this file.
(function () {
  "use strict";
  // The filter panel is open in the HTML so that it works without JavaScript; on a narrow screen it
  // starts closed behind its "Filters" heading, on a wide one it always stays open beside the results.
  var wide = window.matchMedia("(min-width: 56rem)");
  function arrange() {
    document.querySelectorAll("details[data-filters]").forEach(function (details) {
      // Filters in use stay visible as removable links above the results.
      details.open = wide.matches;
    });
  }
  // The main navigation likewise: open in the HTML, behind "Menu" on a phone.
  var phone = window.matchMedia("(max-width: 40rem)");
  function arrangeMenu() {
    document.querySelectorAll("details[data-main-menu]").forEach(function (details) {
      details.open = !phone.matches;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    arrange();
    arrangeMenu();
    if (phone.addEventListener) {
      phone.addEventListener("change", arrangeMenu);
    }
    if (wide.addEventListener) {
      wide.addEventListener("change", arrange);
    }
    // Filters apply as soon as one is chosen; the "Apply filters" button stays for the text fields
    // and for anyone without this script. The form's address ends in #results-title, so the page
    // opens at the results it changed.
    document.querySelectorAll("form#facets").forEach(function (form) {
      form.querySelectorAll("[data-filters-live]").forEach(function (hint) {
        hint.hidden = false;
      });
      form.addEventListener("change", function (event) {
        var type = event.target.type;
        if (type === "checkbox" || type === "radio" || event.target.tagName === "SELECT") {
          if (form.requestSubmit) {
            form.requestSubmit();
          } else {
            form.submit();
          }
        }
      });
    });
    document.querySelectorAll("details[data-filters] > summary").forEach(function (summary) {
      summary.addEventListener("click", function (event) {
        if (wide.matches) {
          event.preventDefault();
        }
      });
    });
  });
})();
