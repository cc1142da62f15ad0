/** What `navigator.userAgentData` offers in Chromium (not yet in TypeScript's DOM types). */
interface UserAgentData {
  getHighEntropyValues(hints: string[]): Promise<{ fullVersionList?: { brand: string; version: string }[]; platform?: string }>;
}

/** The smallest step of `performance.now()`: 0.1 ms in Chromium unless the page is cross-origin isolated (then 5 µs). */
function timerResolutionMs(): number {
  let step = Infinity;
  for (let k = 0; k < 20; k++) {
    const t0 = performance.now();
    let t1 = t0;
    while (t1 === t0) t1 = performance.now();
    step = Math.min(step, t1 - t0);
  }
  return Number(step.toFixed(4));
}

/**
 * Where the figures were taken, recorded with every result: a figure means
 * little without the browser that rastered it and the cores it had.
 */
export async function environment(): Promise<Record<string, string | number | boolean>> {
  const data = (navigator as { userAgentData?: UserAgentData }).userAgentData;
  const hints = await data?.getHighEntropyValues(['fullVersionList', 'platform']);
  // The brand list mixes real brands with a decoy ("Not A;Brand"); Chromium is always listed.
  const brand = hints?.fullVersionList?.find((b) => /Chrom/.test(b.brand));
  const fromUa = /(HeadlessChrome|Chrome|Firefox|Version)\/([\d.]+)/.exec(navigator.userAgent);
  return {
    browser: brand ? `${brand.brand} ${brand.version}` : fromUa ? `${fromUa[1]} ${fromUa[2]}` : navigator.userAgent,
    userAgent: navigator.userAgent,
    platform: hints?.platform ?? navigator.platform,
    cores: navigator.hardwareConcurrency,
    devicePixelRatio,
    crossOriginIsolated,
    timerResolutionMs: timerResolutionMs(),
    date: new Date().toISOString(),
  };
}
