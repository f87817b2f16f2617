// « Copier le lien » (templates/includes/copy_link.html): copies the page's full address and says so, on
// the button for a moment and to screen readers through the status message beside it.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var label = button.textContent;
    var status = button.parentElement.querySelector("[data-copy-link-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      var address = new URL(button.dataset.copyLink, window.location.href).href;
      navigator.clipboard.writeText(address).then(
        function () {
          button.textContent = "Lien copié";
          status.textContent = "Le lien de la page est copié dans le presse-papiers.";
          window.setTimeout(function () {
            button.textContent = label;
          }, 3000);
        },
        function () {
          status.textContent = "Le lien n'a pas pu être copié : copiez l'adresse de la page dans la barre du navigateur.";
        }
      );
    });
  });
})();
