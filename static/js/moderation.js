// Picking a ready reason fills the reason box, which the coordinator can then edit. Without this
// file the form still works: an empty reason box takes the picked ready reason on the server.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var texts = {};
    var template = document.getElementById("canned-reasons");
    if (!template) {
      return;
    }
    template.content.querySelectorAll("[data-key]").forEach(function (item) {
      texts[item.getAttribute("data-key")] = item.textContent;
    });
    document.querySelectorAll("select[data-fills]").forEach(function (select) {
      var box = document.getElementById(select.getAttribute("data-fills"));
      var filled = "";
      select.addEventListener("change", function () {
        // Never overwrite what the coordinator wrote themselves.
        if (box.value.trim() !== "" && box.value !== filled) {
          return;
        }
        filled = texts[select.value] || "";
        box.value = filled;
      });
    });
  });
})();
