// Inside www/embed.html: passes the query parameters to the widget and
// reports the page's height to the host page whenever it changes, so the
// host can size the iframe to fit (also across origins: a height is not a
// secret, so it is posted to any parent).
(() => {
  const widget = document.querySelector('spector-widget');
  const params = new URLSearchParams(location.search);
  // Not `src`: a link to this page on the newsroom's own domain could
  // otherwise show anyone's bundle under the newsroom's name.
  for (const name of ['country', 'view', 'lang', 'theme']) {
    const value = params.get(name);
    if (value) widget.setAttribute(name, value);
  }
  if (window.parent === window) return;
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'spector-widget:height', height }, '*');
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
})();
