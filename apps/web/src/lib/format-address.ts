/** The city level of a municipality (北京市, 上海市, 天津市, 重庆市) in the division data: not a place name. */
const PLACEHOLDER_CITIES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

/**
 * An address as people write it: "北京市海淀区中关村大街 1 号", not "北京市 市辖区 海淀区 …" — the
 * division data's placeholder city level and a city that repeats the province are left out.
 */
export function formatAddress(a: {
  province: string;
  city: string;
  district: string;
  street: string;
}): string {
  const city = PLACEHOLDER_CITIES.has(a.city) || a.city === a.province ? "" : a.city;
  return `${a.province}${city}${a.district}${a.street}`;
}
