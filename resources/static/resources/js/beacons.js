// What the resource's page tells the server, which cannot see it: the page may come from the edge cache.
// A view once the page is shown (resources/visits.py); the uses of its link and file blocks
// (resources/block_uses.py): a link followed, a file downloaded, a file's preview scrolled into view.
(function () {
  "use strict";

  function send(url) {
    if (navigator.sendBeacon) {
      navigator.sendBeacon(url);
    } else {
      fetch(url, { method: "POST", credentials: "same-origin", keepalive: true });
    }
  }

  send(document.currentScript.dataset.url);

  // A click, or the middle button that opens the link in a new tab.
  document.querySelectorAll("[data-count-use]").forEach(function (link) {
    function count(event) {
      if (event.type === "click" || event.button === 1) {
        send(link.dataset.countUse);
      }
    }
    link.addEventListener("click", count);
    link.addEventListener("auxclick", count);
  });

  var previews = document.querySelectorAll("[data-count-shown]");
  if (previews.length && "IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          send(entry.target.dataset.countShown);
        }
      });
    });
    previews.forEach(function (preview) {
      observer.observe(preview);
    });
  }
})();
