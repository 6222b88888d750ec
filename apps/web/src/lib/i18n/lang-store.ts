import type { Lang } from "@mic/contracts";

const STORAGE_KEY = "mic.lang";

function readStored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

// Module state so the API client (outside React) sends the same Accept-Language the UI shows.
let current: Lang = readStored();

export function getLang(): Lang {
  return current;
}

export function storeLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = lang;
}
