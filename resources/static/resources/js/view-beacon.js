// Counts a view of the resource once its page is shown (resources/visits.py): the page may come
// from the edge cache, so the server cannot count it when it sends the page.
(function () {
  "use strict";
  var url = document.currentScript.dataset.url;
  if (navigator.sendBeacon) {
    navigator.sendBeacon(url);
  } else {
    fetch(url, { method: "POST", credentials: "same-origin", keepalive: true });
  }
})();
