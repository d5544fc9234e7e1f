// The peer: the same map built the way a newsroom graphics desk builds it
// today, with D3 (d3-geo, d3-selection) and topojson-client, the Natural
// Earth 110m countries from world-atlas and the facts from the same bundle
// as the widget, all bundled by esbuild into one classic script.
//
// <spector-peer></spector-peer> renders an Equal Earth world map fitted to
// its width, the nine countries tinted, one proportional circle per
// country, a hover/focus tooltip and a panel of the seizure figures. It
// re-renders when its width changes.

import { geoArea, geoEqualEarth, geoPath } from 'd3-geo';
import { pointer, select } from 'd3-selection';
import { feature } from 'topojson-client';
import topology from 'world-atlas/countries-110m.json';
import bundle from '../../../data/spector.json';

// ISO 3166-1 alpha-2 (the bundle) to numeric (world-atlas ids).
const NUMERIC = { US: '840', GB: '826', DE: '276', NL: '528', AT: '040', FR: '250', CH: '756', PL: '616', BR: '076' };

const CSS = `
spector-peer{display:block;font:15px/1.4 system-ui,sans-serif;color:#1d1d1d;margin:1.5em 0}
.sp-title{font-size:20px;margin:0 0 .2em}
.sp-dek{margin:0 0 .8em;color:#555}
.sp-map{position:relative}
.sp-map svg{display:block;width:100%;height:auto}
.sp-land{fill:#e4e1da;stroke:#fff;stroke-width:.5}
.sp-hit{fill:#f3c7b8}
.sp-hit.sp-on{fill:#e79a82}
.sp-dot{fill:#b3261e;fill-opacity:.75;stroke:#fff;stroke-width:1;cursor:pointer}
.sp-dot.sp-on,.sp-dot:focus{fill-opacity:1;stroke:#1d1d1d;outline:none}
.sp-tip{position:absolute;pointer-events:none;background:#fff;border:1px solid #999;border-radius:3px;padding:4px 8px;font-size:13px;white-space:nowrap;transform:translate(-50%,calc(-100% - 10px));box-shadow:0 1px 3px rgba(0,0,0,.2)}
.sp-panel{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:8px;margin:.8em 0 0;padding:0}
.sp-panel div{border-top:3px solid #b3261e;padding-top:4px}
.sp-panel dt{font-size:12px;color:#555}
.sp-panel dd{margin:0;font-size:22px;font-weight:700}
.sp-credit{font-size:12px;color:#777;margin:.6em 0 0}
`;

const facts = new Map(bundle.facts.map((f) => [f.id, f]));
const amount = (id) => {
  const f = facts.get(id);
  const prefix = f.qualifier === 'more_than' ? 'more than ' : f.qualifier === 'about' ? 'about ' : '';
  let text;
  if (f.unit === 'USD') text = '$' + (f.value >= 1e6 ? `${(f.value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} million` : f.value.toLocaleString('en-US'));
  else if (f.unit === 'kg') text = `${f.value.toLocaleString('en-US')} kg`;
  else text = f.value.toLocaleString('en-US');
  return prefix + text;
};
const arrests = bundle.facts
  .filter((f) => f.metric === 'arrests' && f.scope !== 'ALL')
  .sort((a, b) => b.value - a.value)
  .map((f) => ({ code: f.scope, id: NUMERIC[f.scope], value: f.value }));
const byId = new Map(arrests.map((d) => [d.id, d]));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const name = (code) => regionNames.of(code);

const countries = feature(topology, topology.objects.countries);
countries.features = countries.features.filter((f) => f.id !== '010'); // no Antarctica

// Each circle sits on the centroid of the country's largest polygon (not on
// Alaska-pulled or French Guiana-pulled centroids of the whole country).
const mainPart = (f) =>
  f.geometry.type === 'MultiPolygon'
    ? { type: 'Polygon', coordinates: f.geometry.coordinates.reduce((a, b) => (geoArea({ type: 'Polygon', coordinates: b }) > geoArea({ type: 'Polygon', coordinates: a }) ? b : a)) }
    : f.geometry;
const anchors = new Map(countries.features.filter((f) => byId.has(f.id)).map((f) => [f.id, mainPart(f)]));
const maxValue = Math.max(...arrests.map((d) => d.value));

let styled = false;

class SpectorPeer extends HTMLElement {
  connectedCallback() {
    if (!styled) {
      const style = document.createElement('style');
      style.textContent = CSS;
      document.head.append(style);
      styled = true;
    }
    if (!this.built) this.build();
    this.draw(this.clientWidth);
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width && width !== this.width) this.draw(width);
    });
    this.observer.observe(this);
  }

  disconnectedCallback() {
    this.observer?.disconnect();
  }

  build() {
    this.built = true;
    const root = select(this).append('div').attr('class', 'sp');
    root.append('h2').attr('class', 'sp-title').text(`${bundle.operation.name}: ${amount('arrests-all')} arrests in ${arrests.length} countries`);
    root.append('p').attr('class', 'sp-dek').text(bundle.operation.summary);
    const map = (this.mapBox = root.append('div').attr('class', 'sp-map'));
    this.svg = map.append('svg').attr('role', 'img').attr('aria-label', `Map of arrests by country`);
    this.tip = map.append('div').attr('class', 'sp-tip').attr('hidden', '');
    const panel = root.append('dl').attr('class', 'sp-panel');
    for (const [label, id] of [
      ['Arrests', 'arrests-all'],
      ['Firearms seized', 'firearms-all'],
      ['Drugs seized', 'drugs-all'],
      ['incl. fentanyl', 'fentanyl-all'],
      ['Cash and crypto', 'cash-crypto-usd'],
    ]) {
      const item = panel.append('div');
      item.append('dt').text(label);
      item.append('dd').text(amount(id));
    }
    root.append('p').attr('class', 'sp-credit').text('Sources: Europol, U.S. Department of Justice. Map: Natural Earth.');
  }

  draw(width) {
    if (!width) return;
    this.width = width;
    const projection = geoEqualEarth().fitWidth(width, countries);
    const path = geoPath(projection);
    const height = Math.ceil(path.bounds(countries)[1][1]);
    const radius = (v) => Math.sqrt(v / maxValue) * Math.max(6, width / 22);
    const svg = this.svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);

    const show = (event, d) => {
      const [x, y] = event.type === 'focus' ? path.centroid(anchors.get(d.id)) : pointer(event, this.mapBox.node());
      this.tip.attr('hidden', null).style('left', `${x}px`).style('top', `${y}px`).text(`${name(d.code)}: ${d.value} arrests`);
      svg.selectAll('.sp-hit, .sp-dot').classed('sp-on', (o) => (o.id ?? o) === d.id);
    };
    const hide = () => {
      this.tip.attr('hidden', '');
      svg.selectAll('.sp-on').classed('sp-on', false);
    };

    svg
      .selectAll('path')
      .data(countries.features, (f) => f.id)
      .join('path')
      .attr('class', (f) => (byId.has(f.id) ? 'sp-land sp-hit' : 'sp-land'))
      .attr('d', path)
      .each(function (f) {
        const d = byId.get(f.id);
        if (d) select(this).datum(Object.assign(f, { code: d.code, value: d.value })).on('pointermove', show).on('pointerleave', hide);
      });

    svg
      .selectAll('circle')
      .data(arrests, (d) => d.id)
      .join((enter) =>
        enter
          .append('circle')
          .attr('class', 'sp-dot')
          .attr('tabindex', 0)
          .attr('aria-label', (d) => `${name(d.code)}: ${d.value} arrests`)
          .on('pointermove focus', show)
          .on('pointerleave blur', hide),
      )
      .attr('cx', (d) => path.centroid(anchors.get(d.id))[0])
      .attr('cy', (d) => path.centroid(anchors.get(d.id))[1])
      .attr('r', (d) => radius(d.value));
  }
}

if (!customElements.get('spector-peer')) customElements.define('spector-peer', SpectorPeer);
