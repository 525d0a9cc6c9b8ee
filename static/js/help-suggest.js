// While someone writes a help request, show what may already answer it beside the form.
// Without this file the form's Preview step lists the same suggestions.
(function () {
  "use strict";
  var DELAY = 400;
  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("id_title");
    var box = document.getElementById("help-suggestions");
    if (!input || !box || !window.fetch) {
      return;
    }
    var url = box.getAttribute("data-suggest-url");
    var timer = null;
    var shown = null;
    function load() {
      var title = input.value.trim();
      if (title === shown) {
        return;
      }
      fetch(url + "?title=" + encodeURIComponent(title), { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          // An older answer arriving late must not replace a newer one.
          if (html !== null && title === input.value.trim()) {
            box.innerHTML = html;
            shown = title;
          }
        })
        .catch(function () {});
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, DELAY);
    });
  });
})();
