// "Skriv ut" on an assessment: print the page with its profile (the print CSS hides the rest).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
