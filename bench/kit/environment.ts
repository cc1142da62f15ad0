/** What `navigator.userAgentData` offers in Chromium (not yet in TypeScript's DOM types). */
interface UserAgentData {
  getHighEntropyValues(hints: string[]): Promise<{ fullVersionList?: { brand: string; version: string }[]; platform?: string }>;
}

/**
 * Where the figures were taken, recorded with every result: a figure means
 * little without the browser that rastered it and the cores it had.
 */
export async function environment(): Promise<Record<string, string | number>> {
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
    date: new Date().toISOString(),
  };
}
