// The English strings of the signed-in pages (see zh-console.ts and locales.ts).
export { enConsole as messages } from "./en-console";
