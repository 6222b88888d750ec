// Validation messages travel as keys ("taxpayerId.invalid", "tooLong:100") so one zod schema
// serves the browser form and the API body, each translating into the user's language.
export type Lang = "zh-CN" | "en";

const MESSAGES: Record<string, { zh: string; en: string }> = {
  required: { zh: "此项为必填项", en: "This field is required" },
  tooLong: { zh: "不能超过 {0} 个字符", en: "Must be at most {0} characters" },
  invalid: { zh: "格式不正确", en: "Invalid value" },
  "email.invalid": { zh: "请输入有效的邮箱地址", en: "Enter a valid email address" },
  "password.required": { zh: "请输入密码", en: "Enter your password" },
  "amount.invalid": {
    zh: "请输入正确的金额（正数，最多两位小数）",
    en: "Enter a valid amount (positive, at most two decimals)",
  },
  "amount.positive": { zh: "金额必须大于 0", en: "The amount must be greater than 0" },
  "taxpayerId.required": { zh: "企业抬头须填写纳税人识别号", en: "An enterprise title needs a taxpayer ID" },
  "taxpayerId.invalid": {
    zh: "纳税人识别号无效：请填写 18 位统一社会信用代码（校验位须正确）或 15/20 位旧税号",
    en: "Invalid taxpayer ID: enter the 18-character unified social credit code (with a correct check character) or a legacy 15/20-character code",
  },
  "taxpayerId.notForIndividual": {
    zh: "个人抬头无需填写纳税人识别号",
    en: "An individual title has no taxpayer ID",
  },
  "phone.invalid": { zh: "请输入正确的电话号码", en: "Enter a valid phone number" },
  "mobile.invalid": { zh: "请输入 11 位中国大陆手机号", en: "Enter an 11-digit mainland mobile number" },
  "postalCode.invalid": { zh: "邮政编码为 6 位数字", en: "A postal code has 6 digits" },
  "bankAccount.invalid": { zh: "开户账号为 8–30 位数字", en: "A bank account has 8–30 digits" },
  "date.invalid": { zh: "请输入有效日期（YYYY-MM-DD）", en: "Enter a valid date (YYYY-MM-DD)" },
  "dateRange.invalid": { zh: "开始日期不能晚于结束日期", en: "The start date must not be after the end date" },
  "invoiceNumber.invalid": { zh: "发票号码为 8–30 位字母或数字", en: "An invoice number has 8–30 letters or digits" },
  "trackingNumber.invalid": { zh: "运单号为 6–40 位字母或数字", en: "A tracking number has 6–40 letters or digits" },
  "id.invalid": { zh: "无效的编号", en: "Invalid ID" },
  "enum.invalid": { zh: "请选择有效的选项", en: "Choose a valid option" },
  "limit.invalid": { zh: "每页条数须为 1–100", en: "The page size must be 1–100" },
  "cursor.invalid": { zh: "分页游标无效", en: "Invalid page cursor" },
  "specialInvoice.missing": {
    zh: "开具增值税专用发票需要抬头填写：{0}",
    en: "A VAT special invoice needs these title fields: {0}",
  },
  "specialInvoice.individual": {
    zh: "个人抬头不能开具增值税专用发票",
    en: "An individual title cannot receive a VAT special invoice",
  },
  "invoiceType.unsupported": {
    zh: "该服务商不支持此发票类型",
    en: "This provider does not issue this invoice type",
  },
  "field.taxpayerId": { zh: "纳税人识别号", en: "taxpayer ID" },
  "field.registeredAddress": { zh: "注册地址", en: "registered address" },
  "field.registeredPhone": { zh: "注册电话", en: "registered phone" },
  "field.bankName": { zh: "开户银行", en: "bank" },
  "field.bankAccount": { zh: "开户账号", en: "bank account" },
};

/** Translates a message key; "key:arg1:arg2" fills {0}, {1}. Unknown keys come back as they are. */
export function t(keyWithArgs: string, lang: Lang = "zh-CN"): string {
  const [key = "", ...args] = keyWithArgs.split(":");
  const entry = MESSAGES[key];
  if (!entry) return keyWithArgs;
  const text = lang === "en" ? entry.en : entry.zh;
  return text.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? "");
}

export function langFrom(acceptLanguage: string | undefined): Lang {
  return acceptLanguage?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}
