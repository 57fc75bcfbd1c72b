// A TF Playground link keeps its state in the hash, which never reaches a server: fold it into the
// query (the hash wins on a clash, as in TF) and load that, so the page is rendered from it. A
// classic script in <head>, so it runs before the page is drawn; a file, as the CSP allows no inline script.
(function () {
  var h = location.hash.slice(1);
  if (h.indexOf('=') < 0) return;
  var q = new URLSearchParams(location.search), p = new URLSearchParams(h);
  p.forEach(function (v, k) { q.set(k, v); });
  location.replace(location.pathname + '?' + q.toString());
})();
