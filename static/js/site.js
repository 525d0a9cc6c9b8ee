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
  document.addEventListener("DOMContentLoaded", function () {
    arrange();
    if (wide.addEventListener) {
      wide.addEventListener("change", arrange);
    }
    document.querySelectorAll("details[data-filters] > summary").forEach(function (summary) {
      summary.addEventListener("click", function (event) {
        if (wide.matches) {
          event.preventDefault();
        }
      });
    });
  });
})();
