// Colour helpers for the accessibility specs, installed in the page as
// window.__sw: parse a computed colour, the WCAG contrast ratio of two
// colours, and the opaque colour painted behind an element (walking out of
// the shadow root to its host).

export const installColour = (page) =>
  page.evaluate(() => {
    if (window.__sw) return;
    const parse = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c || '');
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const contrast = (a, b) => {
      const [x, y] = [lum(a), lum(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const parent = (el) => el.parentElement ?? el.getRootNode().host ?? null;
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = parent(e)) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) layers.push(c);
        if (c && c[3] >= 1) break;
      }
      let out = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)];
      return out;
    };
    window.__sw = { parse, contrast, background };
  });
