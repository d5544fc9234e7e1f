// Type-checked against pkg/index.d.ts by tests/e2e/distribution.spec.js:
// what a site developer writes must compile, and misuse must not.
import { define, mount, type SpectorWidgetAttributes, type SpectorWidgetHandle } from 'spector-widget';

const defined: boolean = define();
const host = document.createElement('div');
const handle: SpectorWidgetHandle = mount(host, { country: 'DE', view: 'europe', theme: 'dark' });
handle.select('US');
handle.select(null);
handle.setView('world');
handle.setLang('de');
handle.destroy();

const element = document.querySelector('spector-widget');
element?.addEventListener('spector-select', (event) => {
  const country: string | null = event.detail.country;
  console.log(country, defined);
});
// The event bubbles, so one listener on the document hears every widget.
document.addEventListener('spector-select', (event) => {
  const country: string | null = event.detail.country;
  console.log(country);
});
const created: HTMLElementTagNameMap['spector-widget'] = document.createElement('spector-widget');
created.setAttribute('src', '/data/other.json');

// @ts-expect-error: views are 'world' or 'europe'
handle.setView('asia');

// @ts-expect-error: themes are 'auto', 'light' or 'dark'
mount(host, { theme: 'sepia' });

// The attributes, as a JSX declaration (see the README) would use them.
const attributes: SpectorWidgetAttributes = { country: 'DE', view: 'europe', lang: 'de', theme: 'auto' };
console.log(attributes);
// @ts-expect-error: attributes are strings, as in markup
const wrong: SpectorWidgetAttributes = { country: 49 };
console.log(wrong);
