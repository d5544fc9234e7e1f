// The <spector-widget> element: a thin shell that gives the Rust core an
// open shadow root and tells it when to start and stop. Everything the
// reader sees is rendered by Rust (src/render); this file only wires the
// element's life cycle to it.

import css from '../render/style.css';

const TAG = 'spector-widget';

/** How long a `src` bundle may take to arrive before the widget gives up. */
const FETCH_TIMEOUT_MS = 10000;

let sheet;

/** One constructed stylesheet shared by every widget: no inline <style>,
 *  so a strict style-src Content-Security-Policy is respected. */
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/**
 * Registers <spector-widget>. `load` returns a promise of the wasm exports;
 * it is called once, however many widgets the page has.
 */
export function define(load) {
  if (customElements.get(TAG)) {
    console.info('spector-widget: <spector-widget> is already defined on this page; this copy is not used.');
    return;
  }
  let exports;
  const ready = () => (exports ??= load());

  class SpectorWidget extends HTMLElement {
    static get observedAttributes() {
      return ['src'];
    }

    connectedCallback() {
      this._start();
    }

    disconnectedCallback() {
      this._stop();
    }

    attributeChangedCallback() {
      if (this.isConnected && this._run) {
        this._stop();
        this._start();
      }
    }

    _start() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [styles()];
      const run = (this._run = {});
      const src = this.getAttribute('src');
      const text = src ? fetchBundle(src, run) : Promise.resolve(undefined);
      Promise.all([ready(), text]).then(
        ([{ Widget }, bundle]) => {
          if (this._run === run) this._widget = Widget.mount(root, bundle);
        },
        (error) => {
          if (this._run !== run) return;
          console.error('spector-widget:', error);
          return ready().then(({ Widget }) => {
            if (this._run === run) this._widget = Widget.mount_failure(root, String(error?.message ?? error));
          });
        },
      );
    }

    _stop() {
      this._run?.abort?.();
      this._run = null;
      this._widget?.free();
      this._widget = null;
    }
  }

  customElements.define(TAG, SpectorWidget);
}

/** Fetches a bundle's text, cancelled when the widget stops or after the
 *  timeout, with an error message a journalist can act on. */
function fetchBundle(src, run) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), FETCH_TIMEOUT_MS);
  run.abort = () => controller.abort(new Error('removed'));
  return fetch(src, { signal: controller.signal })
    .then((response) => {
      if (!response.ok) throw new Error(`the data file ${src} could not be loaded (HTTP ${response.status}).`);
      return response.text();
    })
    .catch((error) => {
      if (controller.signal.reason?.message === 'timeout') {
        throw new Error(`the data file ${src} took longer than ${FETCH_TIMEOUT_MS / 1000} seconds to load.`);
      }
      if (error instanceof TypeError) throw new Error(`the data file ${src} could not be loaded (network error).`);
      throw error;
    })
    .finally(() => clearTimeout(timer));
}
