// The Chinese locale chunk (see locales.ts): UI strings and TDesign's zh_CN with its dayjs locale.
export { default as tdesign } from "tdesign-react/es/locale/zh_CN";
export { zh as messages } from "./zh";
