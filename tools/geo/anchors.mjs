// Hand-picked symbol anchors, [longitude, latitude] in degrees, keyed by
// ISO 3166-1 alpha-2 code. A proportional symbol for a country is drawn at
// this point. Each point lies inside the country's mainland; the generator
// checks that the projected, quantized anchor is inside the country's
// simplified rings and fails otherwise.
//
// Countries not listed here get polylabel() of their largest projected
// polygon (the "pole of inaccessibility"), which is always inside but can
// sit oddly for countries with distant overseas parts, so those are fixed
// by hand here.
export const ANCHORS = {
  US: [-98.5, 39.5], // lower 48, Kansas (not between Alaska and the mainland)
  CA: [-100.0, 56.0], // southern Canada, Manitoba, where people live
  RU: [40.0, 56.5], // European Russia, near Moscow
  GB: [-1.6, 52.8], // England, Midlands
  IE: [-8.0, 53.3],
  DE: [10.3, 51.1], // Thuringia
  NL: [5.6, 52.2], // Gelderland
  BE: [4.6, 50.6],
  LU: [6.1, 49.7],
  AT: [14.5, 47.6], // Styria / Upper Austria
  CH: [8.2, 46.8], // Bern / Lucerne
  FR: [2.5, 46.5], // metropolitan France (centroid falls off-shore: French Guiana)
  ES: [-3.7, 40.2],
  PT: [-8.0, 39.7],
  IT: [12.5, 42.8],
  PL: [19.2, 52.1],
  CZ: [15.3, 49.8],
  DK: [9.2, 56.0], // Jutland
  NO: [9.5, 61.0], // southern Norway
  SE: [15.0, 59.5], // southern Sweden
  FI: [25.5, 62.0],
  GR: [22.0, 39.5],
  HR: [16.0, 45.4], // inland Croatia (the country is crescent-shaped)
  BR: [-50.0, -12.0],
  NZ: [172.2, -43.0], // South Island, Canterbury (no symbol across the date line)
  JP: [138.3, 36.3], // Honshu
  ID: [113.5, -0.5], // Borneo/Kalimantan (center of the archipelago)
  AU: [134.0, -25.5],
  CN: [105.0, 34.0],
  IN: [78.5, 22.5],
  MY: [102.0, 4.0], // peninsular Malaysia
  CL: [-70.7, -31.5], // central Chile
  AR: [-64.5, -34.0],
  MX: [-102.0, 23.5],
  IL: [34.9, 31.3],
  TR: [34.0, 39.0],
  UA: [31.5, 49.0],
};
