// Types for the spector-widget npm package.

/** Options shared by `mount()` and the element's attributes. */
export interface SpectorWidgetOptions {
  /** URL of a facts bundle to show instead of the embedded SpecTor bundle:
   *  an http or https address or a path relative to the page (or a `data:`
   *  or `blob:` URL). Anything else is not fetched, and the widget says so. */
  src?: string;
  /** Interface language (BCP 47): en, de, fr, nl, es, pt-BR or pl (`de-AT`
   *  is German, `pt` Brazilian Portuguese). Without it, the nearest
   *  ancestor's `lang` attribute, else English; another language shows
   *  English with one console note per page. */
  lang?: string;
  /** ISO 3166-1 alpha-2 code of the country selected at start, e.g. "DE". */
  country?: string;
  /** The map's initial view. */
  view?: 'world' | 'europe';
  /** Colour scheme: 'auto' follows prefers-color-scheme (default). */
  theme?: 'auto' | 'light' | 'dark';
}

/** The attributes of <spector-widget>, as written in markup (JSX, say:
 *  see the README). */
export interface SpectorWidgetAttributes {
  src?: string;
  lang?: string;
  country?: string;
  view?: 'world' | 'europe' | '';
  theme?: 'auto' | 'light' | 'dark';
}

/** What `mount()` returns. */
export interface SpectorWidgetHandle {
  /** Selects a country by ISO code, or clears the selection with null. */
  select(country: string | null): void;
  /** Switches the map between the world and the Europe view. */
  setView(view: 'world' | 'europe'): void;
  /** Re-renders in another language (a BCP 47 tag, as `lang`). */
  setLang(lang: string): void;
  /** Removes the widget and frees its memory and listeners. */
  destroy(): void;
}

/** Detail of the `spector-select` event, fired whenever the selection changes. */
export interface SpectorSelectDetail {
  country: string | null;
}

/** Registers the <spector-widget> element; false if another copy already
 *  did, or where there is no DOM (a server-side render). */
export function define(): boolean;

/** Renders the widget into an element's open shadow root, in the
 *  browser; a second call for one element replaces the first. The element
 *  must be one that can hold a shadow root (a div, a section, a span, a
 *  custom element; not an input or an img), or mount() throws a TypeError
 *  that says so. */
export function mount(element: HTMLElement, options?: SpectorWidgetOptions): SpectorWidgetHandle;

/** The <spector-widget> element. Attributes: src, lang, country, view, theme. */
export interface SpectorWidgetElement extends HTMLElement {
  addEventListener(
    type: 'spector-select',
    listener: (this: SpectorWidgetElement, event: CustomEvent<SpectorSelectDetail>) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'spector-widget': SpectorWidgetElement;
  }
  interface HTMLElementEventMap {
    'spector-select': CustomEvent<SpectorSelectDetail>;
  }
  // The event bubbles and is composed, so a page may listen once, higher up.
  interface DocumentEventMap {
    'spector-select': CustomEvent<SpectorSelectDetail>;
  }
  interface WindowEventMap {
    'spector-select': CustomEvent<SpectorSelectDetail>;
  }
}
