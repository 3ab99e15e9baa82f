// The application draft: after each autosave, mark the fields the server could not save
// (and unmark the ones that are right again), as the page does after "Spara utkast".
// Progressive enhancement only: without JavaScript there is no autosave, and the server
// marks every field itself.
(function () {
  "use strict";

  var MARK = "data-autosave-error";

  function describedBy(input, id, add) {
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    ids = ids.filter(function (other) { return other !== id; });
    if (add) ids.push(id);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function unmark(input) {
    var wrapper = input.closest(".field, .checkbox, .field--choices");
    ["_error", "_autosave_error"].forEach(function (suffix) {
      var message = document.getElementById(input.id + suffix);
      if (message) message.remove();
      describedBy(input, input.id + suffix, false);
    });
    input.removeAttribute("aria-invalid");
    if (wrapper) wrapper.classList.remove("field--error");
  }

  function mark(input, messages) {
    var wrapper = input.closest(".field, .checkbox, .field--choices");
    var box = document.createElement("div");
    box.className = "field__errors";
    box.id = input.id + "_autosave_error";
    box.setAttribute(MARK, "");
    messages.forEach(function (text) {
      var line = document.createElement("p");
      line.className = "field__error";
      line.textContent = text;
      box.appendChild(line);
    });
    input.insertAdjacentElement("beforebegin", box);
    input.setAttribute("aria-invalid", "true");
    describedBy(input, box.id, true);
    if (wrapper) wrapper.classList.add("field--error");
  }

  function update(status) {
    var form = status.closest("form");
    if (!form) return;
    var wanted = {};
    status.querySelectorAll("[data-field]").forEach(function (link) {
      var id = link.dataset.field;
      (wanted[id] = wanted[id] || []).push(link.dataset.message);
    });
    // Every field the server marked before, or autosave marked, is looked at again.
    // The attachment's fields are not autosaved, and keep their marks.
    form.querySelectorAll("[aria-invalid=true]").forEach(function (input) {
      if (input.closest("[data-autosave-skip]")) return;
      if (input.id && !wanted[input.id]) unmark(input);
    });
    Object.keys(wanted).forEach(function (id) {
      var input = document.getElementById(id);
      if (!input || input.closest("[data-autosave-skip]")) return;
      unmark(input);
      mark(input, wanted[id]);
    });
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail && event.detail.target && event.detail.target.id === "autosave-status") {
      update(event.detail.target);
    }
  });
})();
