// Wagtail's autosave (its AutosaveController, checked against Wagtail 8.0) sends the page form after
// each change. Two of those sends trap an editor, so this script, loaded in the page editor, stops them
// through the controller's own means: its cancelable « w-autosave:save » event and its « active » value.
//
// - A form that has never been saved is not autosaved: its first send would create a draft of a page
//   the editor may still abandon. « Enregistrer le brouillon » or « Publier » creates it.
// - A send that the server refuses as invalid pauses autosave until the next save by hand, which shows
//   the errors next to their fields. The controller retries network errors only; without this, every
//   keystroke sent the invalid form again and drew the same refusal.

// Caught on its way down, before the autosave indicator and the editing session, which listen on the
// document, take the cancelled send for one under way (« Enregistrement… » forever).
window.addEventListener(
  "w-autosave:save",
  (event) => {
    const form = event.target;
    // The creation view posts to /admin/pages/add/<app>/<model>/<parent>/; once saved, the edit view.
    if (form instanceof HTMLFormElement && new URL(form.action).pathname.includes("/pages/add/")) {
      event.preventDefault();
      event.stopPropagation();
    }
  },
  { capture: true },
);

document.addEventListener("w-autosave:error", (event) => {
  if (event.detail && event.detail.type === "validation_error") {
    event.target.setAttribute("data-w-autosave-active-value", "false");
  }
});
