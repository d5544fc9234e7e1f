// The bundle reader: a second wasm module (src/reader_module.rs) that a
// page fetches, next to the script, only for a widget with a `src`. The
// widget's own module reads no JSON; this one checks a bundle's bytes (as
// UTF-8, in spector-facts' words) and packs the bundle, or its problems,
// for `Widget.mount` (see src/facts/packed.rs). Its interface is three
// plain exports, so this file is all its glue.

let loading;

/** A reader that did not load or trapped: `mount`'s failure kind 4 (see
 *  element.js's `failed`), with the cause for the console. */
function readerFailed(cause) {
  const error = new Error('spector_reader.wasm did not load or failed', { cause });
  error.failure = [4, 0];
  return error;
}

/**
 * Resolves to `read(buffer)`, which gives a bundle's bytes, as fetched (an
 * `ArrayBuffer`), packed as a `Uint8Array`. The module is fetched, from the URL `where()` gives, and
 * compiled once per page; a load that failed, or a module that trapped, is
 * tried again by the next widget. `where` may throw: a bundler's classic
 * script has no `import.meta.url`, and the reader then fails like one that
 * did not load, in words, not with an exception from the element.
 */
export function reader(where) {
  let url;
  loading ??= new Promise((ok) => ok(fetch((url = where()))))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) => WebAssembly.instantiate(bytes))
    // The console names the address whatever went wrong there: an HTTP
    // error, or a page where the module should be (a dev server's
    // fallback). `url` is unset only where `where()` threw.
    .catch((cause) => {
      throw readerFailed(url ? new Error(`${url}: ${cause.message}`) : cause);
    })
    .then(({ instance }) => {
      const { memory, read_alloc: room, read } = instance.exports;
      return (buffer) => {
        try {
          const bytes = new Uint8Array(buffer);
          const at = room(bytes.length);
          new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
          const answer = read(at, bytes.length);
          if (!answer) throw new Error('the reader was busy');
          const length = new DataView(memory.buffer).getUint32(answer, true);
          return new Uint8Array(memory.buffer, answer + 4, length).slice();
        } catch (cause) {
          loading = undefined;
          throw readerFailed(cause);
        }
      };
    });
  const current = loading;
  current.catch(() => {
    if (loading === current) loading = undefined;
  });
  return current;
}
