// A 2048 x 2048 temperature map at 0.05 mm a pixel (10 cm), as a scanner at full resolution
// sends it: a heated disc of radius 15 mm rising 2 °C a map over ±0.2 °C of noise. Shared by
// the page (test/reliability/large-maps.test.ts) and the test gateway (ws-server-plugin.mjs).
export const HEATED_SIZE = 2048;
export const HEATED_SPACING_MM = 0.05;

/** Map `k` of the series, its noise drawn from `seed` (a Park-Miller generator). */
export function heatedMap(k, seed = 5) {
  const size = HEATED_SIZE;
  const data = new Float32Array(size * size);
  const r2 = (15 / HEATED_SPACING_MM) ** 2;
  let s = seed;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d2 = (x - size / 2) ** 2 + (y - size / 2) ** 2;
      s = (s * 16807) % 2147483647;
      data[y * size + x] = 37 + (d2 < r2 ? 2 * k + 20 : 0) + (s / 2147483647 - 0.5) * 0.4;
    }
  }
  return data;
}
