// The Chinese strings of the signed-in pages (see zh-console.ts and locales.ts).
export { zhConsole as messages } from "./zh-console";
