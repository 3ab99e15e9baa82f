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

  document.addEventListener("submit", submitConsent);
})();
