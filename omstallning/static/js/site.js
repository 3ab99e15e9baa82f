// Progressive enhancement only: every form here also works without JavaScript.
(function () {
  "use strict";

  function showVideos() {
    document.querySelectorAll("[data-video-placeholder]").forEach(function (placeholder) {
      var frame = document.createElement("div");
      frame.className = "video__frame";
      var iframe = document.createElement("iframe");
      iframe.src = placeholder.dataset.embedUrl;
      iframe.title = placeholder.dataset.title;
      iframe.loading = "lazy";
      iframe.allow = "fullscreen; picture-in-picture";
      iframe.allowFullscreen = true;
      frame.appendChild(iframe);
      placeholder.replaceWith(frame);
    });
  }

  function submitConsent(event) {
    var form = event.target.closest("[data-consent-form]");
    if (!form) return;
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.set(event.submitter.name, event.submitter.value);
    }
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (consent) {
        var banner = document.querySelector("[data-consent-banner]");
        // Focus goes with the banner only if it was still there: a reader who has already
        // moved on (typing in a search box, say) keeps their place.
        var focusWasInBanner = banner && banner.contains(document.activeElement);
        if (banner) banner.remove();
        if (consent.third_party) showVideos();
        var main = document.getElementById("main");
        // Keep the reader where they were: the banner sat above the header.
        if (main && (focusWasInBanner || document.activeElement === document.body)) {
          main.focus({ preventScroll: true });
        }
      })
      .catch(function () {
        form.submit();
      });
  }

  // A file larger than the server takes is never sent: the rest of the form still is.
  function checkFileSize(event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) return;
    var max = Number(input.dataset.maxBytes);
    var tooLarge = Array.prototype.some.call(input.files || [], function (file) {
      return file.size > max;
    });
    var message = document.getElementById(input.id + "_too_large");
    if (!tooLarge) {
      if (message) message.remove();
      return;
    }
    input.value = "";
    if (!message) {
      message = document.createElement("p");
      message.id = input.id + "_too_large";
      message.className = "field__error";
      message.setAttribute("role", "alert");
      input.insertAdjacentElement("afterend", message);
      var described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", (described ? described + " " : "") + message.id);
    }
    message.textContent = input.dataset.tooLarge;
    input.focus();
  }

  // On a small screen the menu opens from a button; without JavaScript it is always open.
  function setUpMenu() {
    var header = document.querySelector("[data-site-header]");
    var toggle = header && header.querySelector("[data-menu-toggle]");
    if (!toggle) return;
    toggle.hidden = false;
    header.classList.add("site-header--collapsible");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      header.classList.toggle("site-header--open", open);
    });
  }

  // After a server-side error the page opens on its summary, so that a screen reader and a
  // keyboard start where the problems are listed.
  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.focus();
    // A page opened at a #fragment (a form posted to "…#anmalan") loses focus to the body
    // when the browser scrolls there: give it back to the summary, unless the reader moved.
    window.addEventListener("load", function () {
      window.setTimeout(function () {
        if (document.activeElement === document.body) summary.focus();
      }, 0);
    });
  }

  document.addEventListener("submit", submitConsent);
  document.addEventListener("change", checkFileSize);
  setUpMenu();
  focusErrorSummary();
})();
