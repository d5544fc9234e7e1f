//! The Equal Earth projection (Šavrič, Patterson & Jenny, 2018) at unit
//! scale, computed exactly as d3-geo's `geoEqualEarthRaw`, but taking and
//! returning degrees. `project(lon, lat)` equals
//! `geoEqualEarthRaw(lon * PI / 180, lat * PI / 180)`; y points north.

use crate::num;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// sqrt(3) / 2
const M: f64 = 0.866_025_403_784_438_6;
const ITERATIONS: usize = 12;
const EPSILON2: f64 = 1e-12;

/// Forward projection: longitude and latitude in degrees to unit-scale
/// Equal Earth coordinates (x east, y north).
pub fn project(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let lambda = lon_deg.to_radians();
    let phi = lat_deg.to_radians();
    let l = num::asin(M * num::sin(phi));
    let l2 = l * l;
    let l6 = l2 * l2 * l2;
    let x = lambda * num::cos(l) / (M * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)));
    let y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
    (x, y)
}

/// Inverse projection by Newton iteration (as d3-geo does). Returns
/// longitude and latitude in degrees, or `None` when (x, y) is not finite or
/// lies outside the projected world outline.
pub fn invert(x: f64, y: f64) -> Option<(f64, f64)> {
    if !x.is_finite() || !y.is_finite() {
        return None;
    }
    let mut l = y;
    let mut l2 = l * l;
    let mut l6 = l2 * l2 * l2;
    for _ in 0..ITERATIONS {
        let fy = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)) - y;
        let fpy = A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2);
        let delta = fy / fpy;
        l -= delta;
        l2 = l * l;
        l6 = l2 * l2 * l2;
        if delta.abs() < EPSILON2 {
            break;
        }
    }
    let s = num::sin(l) / M;
    if s.is_nan() || s.abs() > 1.0 + 1e-12 {
        return None;
    }
    let lambda = M * x * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)) / num::cos(l);
    let lon = lambda.to_degrees();
    let lat = num::asin(num::clamp(s, -1.0, 1.0)).to_degrees();
    if !lon.is_finite() || lon.abs() > 180.0 + 1e-9 {
        return None;
    }
    Some((lon, lat))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (lon, lat) -> (x, y) and back, computed with node and d3-geo 3.1.2:
    /// `geoEqualEarthRaw(lon * r, lat * r)` and `geoEqualEarthRaw.invert`.
    const D3: [((f64, f64), (f64, f64)); 8] = [
        ((0.0, 0.0), (0.0, 0.0)),
        ((2.5, 46.5), (0.031866421238782125, 0.8851057705072418)),
        ((-98.5, 39.5), (-1.3168178790704337, 0.7658482957161566)),
        ((180.0, 90.0), (1.6035886482840516, 1.3173627591574133)),
        ((-180.0, -60.0), (-2.0390600875715594, -1.0883008355053194)),
        ((139.7, 35.7), (1.9094661078039663, 0.6980347558719651)),
        ((-43.2, -22.9), (-0.6249922498914213, -0.4573818957931104)),
        ((10.0, 89.9), (0.0890886476582989, 1.317359775282731)),
    ];

    #[test]
    fn geo_equal_earth_forward_matches_d3() {
        for ((lon, lat), (x, y)) in D3 {
            let (px, py) = project(lon, lat);
            assert!(
                (px - x).abs() < 1e-12 && (py - y).abs() < 1e-12,
                "{lon},{lat}: {px},{py} != {x},{y}"
            );
        }
    }

    #[test]
    fn geo_equal_earth_inverse_matches_d3() {
        for ((lon, lat), (x, y)) in D3 {
            let (ilon, ilat) = invert(x, y).expect("inside the outline");
            assert!(
                (ilon - lon).abs() < 1e-9 && (ilat - lat).abs() < 1e-9,
                "{x},{y}: {ilon},{ilat} != {lon},{lat}"
            );
        }
    }

    #[test]
    fn geo_equal_earth_round_trip() {
        let mut lat = -89.5;
        while lat <= 89.5 {
            let mut lon = -179.5;
            while lon <= 179.5 {
                let (x, y) = project(lon, lat);
                let (ilon, ilat) = invert(x, y).expect("inside the outline");
                assert!(
                    (ilon - lon).abs() < 1e-8 && (ilat - lat).abs() < 1e-8,
                    "{lon},{lat} -> {ilon},{ilat}"
                );
                lon += 7.25;
            }
            lat += 3.5;
        }
    }

    #[test]
    fn geo_equal_earth_invert_rejects_points_off_the_map() {
        assert_eq!(invert(f64::NAN, 0.0), None);
        assert_eq!(invert(3.0, 0.0), None); // east of the 180° meridian
        assert_eq!(invert(0.0, 2.0), None); // north of the pole line
    }
}
