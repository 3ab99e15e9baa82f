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
        if (banner) banner.remove();
        if (consent.third_party) showVideos();
        var main = document.getElementById("main");
        // Keep the reader where they were: the banner sat above the header.
        if (main) main.focus({ preventScroll: true });
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

  document.addEventListener("submit", submitConsent);
  document.addEventListener("change", checkFileSize);
})();
