// Builds pkg/spector_reader.wasm: the crate's wasm with the `reader-module`
// feature (src/reader_module.rs), the bundle reader a page fetches only for
// a widget with a `src`. Plain cargo, not wasm-pack: the module has no
// wasm-bindgen interface, only three plain exports. wasm-bindgen's own
// exports, which the crate links anyway, are dropped by wasm-metadce (only
// what the three exports reach is kept), then the module is optimised with
// the widget's wasm-opt flags (Cargo.toml), so both are built alike.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { leb } from './leb.mjs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

// A target folder of its own: in the widget's, this build would replace
// the widget's wasm before wasm-bindgen (which `bench/run.mjs` names its
// twiggy listing from), and the two builds would recompile the crate in
// turn, each with its own features.
run('cargo', ['build', '--lib', '--release', '--target', 'wasm32-unknown-unknown', '--features', 'reader-module', '--target-dir', 'target/reader']);

const built = 'target/reader/wasm32-unknown-unknown/release/spector_widget.wasm';
// The intermediate files in that folder too, not in a shared temporary
// one: two checkouts building at once would read each other's.
const graph = 'target/reader/spector-reader-graph.json';
writeFileSync(
  graph,
  JSON.stringify(['read', 'read_alloc', 'memory'].map((name) => ({ name, root: true, export: name }))),
);
const kept = 'target/reader/spector-reader-dce.wasm';
execFileSync('wasm-metadce', ['--graph-file', graph, built, '-o', kept], { stdio: ['ignore', 'ignore', 'inherit'] });

const flags = JSON.parse(/^wasm-opt = (\[.*\])$/m.exec(readFileSync('Cargo.toml', 'utf8'))[1]);
run('wasm-opt', [...flags, '--strip-debug', kept, '-o', 'pkg/spector_reader.wasm']);

// Custom sections go: wasm-bindgen's metadata (8 KB, read only by the
// wasm-bindgen tool, which this module never meets) survives wasm-opt,
// which strips only the sections it knows.
const optimised = readFileSync('pkg/spector_reader.wasm');
const sections = [optimised.subarray(0, 8)];
for (let at = 8; at < optimised.length; ) {
  const [size, start] = leb(optimised, at + 1);
  if (optimised[at] !== 0) sections.push(optimised.subarray(at, start + size));
  at = start + size;
}
writeFileSync('pkg/spector_reader.wasm', Buffer.concat(sections));

const exported = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync('pkg/spector_reader.wasm')))
  .map((e) => e.name)
  .sort();
if (exported.join() !== 'memory,read,read_alloc') throw new Error(`spector_reader.wasm exports ${exported}`);
const imported = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync('pkg/spector_reader.wasm')));
if (imported.length) throw new Error(`spector_reader.wasm imports ${imported.map((i) => i.name)}`);
