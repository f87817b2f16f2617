// Wagtail's image and document choosers (checked against Wagtail 8.0) open on their « Rechercher »
// tab. When it has nothing to offer, as for a médiateur who has not uploaded anything yet, they open
// on « Transférer » instead: uploading is then the only thing to do there, and the tab a click for
// nothing. Through the tabs controller's own means: its « w-tabs:ready » event, sent as a chooser's
// content is put in the page, and its « active-panel-id » value.
document.addEventListener("w-tabs:ready", (event) => {
  const tabs = event.target;
  const search = tabs.querySelector("#tab-search");
  const upload = tabs.querySelector("#tab-upload");
  if (!tabs.closest(".modal") || !search || !upload) {
    return;
  }
  if (!search.querySelector("[data-chooser-modal-choice]")) {
    // Once the controller has taken its first panel as the active one, so that it hides that panel.
    window.setTimeout(() => tabs.setAttribute("data-w-tabs-active-panel-id-value", upload.id));
  }
});
