// The npm module's `mount`, for csp-trusted-types-module.html: a script
// file, since that page's policy allows no inline script.
import { mount } from '/pkg/index.js';

mount(document.querySelector('#chart'), { country: 'DE' });
