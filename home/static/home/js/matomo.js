// Matomo's tag, read from the data attributes of its own <script> element: no inline code, so that the
// Content-Security-Policy allows no inline script (cms/settings/base.py).
(function () {
  var tag = document.currentScript;
  var url = tag.dataset.matomoUrl + "/";
  var _paq = (window._paq = window._paq || []);
  _paq.push(["disableCookies"]);
  _paq.push(["trackPageView"]);
  _paq.push(["enableLinkTracking"]);
  _paq.push(["setTrackerUrl", url + "matomo.php"]);
  _paq.push(["setSiteId", tag.dataset.matomoSiteId]);
  var script = document.createElement("script");
  script.async = true;
  script.src = url + "matomo.js";
  tag.parentNode.insertBefore(script, tag);
})();
