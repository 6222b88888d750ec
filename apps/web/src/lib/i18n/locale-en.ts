// The English locale chunk (see locales.ts): UI strings and TDesign's en_US with its dayjs locale.
export { default as tdesign } from "tdesign-react/es/locale/en_US";
export { en as messages } from "./en";
