// Drag and drop to reorder a collection. The "Monter" and "Descendre" buttons do the same without
// JavaScript and by keyboard; this only adds the mouse. On drop, the page's order is posted with
// the hidden reorder form, so the server stays the one place where the order is decided.
(function () {
  "use strict";

  document.querySelectorAll("[data-collection-order]").forEach(function (list) {
    var form = document.getElementById(list.dataset.collectionOrder);
    var dragged = null;

    list.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("[data-resource]");
      if (!dragged) return;
      dragged.classList.add("lb-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.resource);
    });

    list.addEventListener("dragover", function (event) {
      var over = event.target.closest("[data-resource]");
      if (!dragged || !over || over === dragged) return;
      event.preventDefault();
      var box = over.getBoundingClientRect();
      // Cards sit in a grid: past the diagonal of the card hovered means after it.
      var after = (event.clientY - box.top) / box.height + (event.clientX - box.left) / box.width > 1;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });

    list.addEventListener("drop", function (event) {
      if (!dragged) return;
      event.preventDefault();
      submitOrder();
    });

    list.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("lb-dragging");
      dragged = null;
    });

    function submitOrder() {
      form.querySelectorAll("input[name=ressources]").forEach(function (input) {
        input.remove();
      });
      list.querySelectorAll("[data-resource]").forEach(function (item) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = "ressources";
        input.value = item.dataset.resource;
        form.appendChild(input);
      });
      form.submit();
    }
  });
})();
