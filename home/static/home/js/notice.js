// Closes the site-wide notice (templates/blocks/notice.html).
document.querySelectorAll("[data-lb-notice-close]").forEach((button) => {
  button.addEventListener("click", () => button.closest(".fr-notice").remove());
});
