// Validation messages travel as keys ("taxpayerId.invalid", "tooLong:100") so one zod schema
// serves the browser form and the API body, each translating into the user's language.
export type Lang = "zh-CN" | "en";

export type MessageTable = Record<string, { zh: string; en: string }>;

/** Validation and error messages. The enum labels (labels.ts) join them in `t`. */
const MESSAGES: MessageTable = {
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
  "date.outOfRange": {
    zh: "日期须在 {0} 至 {1} 之间",
    en: "The date must be between {0} and {1}",
  },
  "text.unstorable": {
    zh: "含有无法保存的字符（空字符或不完整的 Unicode 字符），请删除后重试",
    en: "Contains characters that cannot be stored (a NUL character or broken Unicode); remove them and try again",
  },
  "dateRange.invalid": {
    zh: "开始日期不能晚于结束日期",
    en: "The start date must not be after the end date",
  },
  "invoiceNumber.invalid": {
    zh: "发票号码为 8–30 位字母或数字",
    en: "An invoice number has 8–30 letters or digits",
  },
  "trackingNumber.invalid": {
    zh: "运单号为 6–40 位字母或数字",
    en: "A tracking number has 6–40 letters or digits",
  },
  "id.invalid": { zh: "无效的编号", en: "Invalid ID" },
  "invoiceNumber.digital": {
    zh: "数电发票号码为 20 位数字",
    en: "A digital invoice number has 20 digits",
  },
  "redLetterNumber.invalid": {
    zh: "红字发票信息确认单编号为 20 位数字",
    en: "A red-letter confirmation number has 20 digits",
  },
  "issuedOn.future": { zh: "开票日期不能晚于今天", en: "The issue date cannot be in the future" },
  "issuedOn.beforeSubmission": {
    zh: "开票日期不能早于申请日期（{0}）",
    en: "The issue date cannot be before the application ({0})",
  },
  "fileIds.required": { zh: "请至少选择一个发票文件", en: "Choose at least one invoice file" },
  "fileIds.tooMany": { zh: "最多选择 20 个文件", en: "Choose at most 20 files" },
  "fileIds.unknown": {
    zh: "所选文件不属于该开票申请",
    en: "A chosen file is not attached to this request",
  },
  "fileIds.needPdfOrOfd": {
    zh: "至少需要一个 PDF 或 OFD 版式文件",
    en: "At least one PDF or OFD file is needed",
  },
  "file.required": {
    zh: "请选择要上传的文件（表单字段 file）",
    en: "Choose a file to upload (form field file)",
  },
  "file.type": {
    zh: "仅支持 PDF、OFD 或 XML 格式的发票文件（按文件内容识别）",
    en: "Only PDF, OFD or XML invoice files are accepted (recognised by their content)",
  },
  "file.onlyOne": {
    zh: "一次只能上传一个文件（表单字段 file）",
    en: "Upload one file at a time (form field file)",
  },
  "file.empty": { zh: "文件为空", en: "The file is empty" },
  "file.tooLarge": { zh: "文件不能超过 5 MiB", en: "The file must be at most 5 MiB" },
  "webhook.url.invalid": { zh: "请输入 http(s) 地址", en: "Enter an http(s) URL" },
  "webhook.url.private": {
    zh: "不能使用内网或本机地址",
    en: "Private and loopback addresses are not allowed",
  },
  "webhook.url.unresolvable": { zh: "无法解析该域名", en: "The host name does not resolve" },
  "webhook.events.required": { zh: "请至少选择一个事件", en: "Choose at least one event" },
  "webhook.disabled": { zh: "该端点已停用", en: "The endpoint is disabled" },
  "month.invalid": { zh: "月份格式为 yyyy-mm", en: "A month is written yyyy-mm" },
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
  // Server messages (AppError keys).
  validation: { zh: "请求参数有误，请检查标出的字段", en: "Some fields are invalid" },
  "auth.invalid": { zh: "邮箱或密码错误", en: "Wrong email or password" },
  "auth.required": { zh: "请先登录", en: "Please sign in" },
  "auth.rateLimited": {
    zh: "登录失败次数过多，请 15 分钟后再试",
    en: "Too many failed sign-in attempts; try again in 15 minutes",
  },
  rateLimited: { zh: "请求过于频繁，请稍后再试", en: "Too many requests; try again later" },
  "forbidden.role": { zh: "当前角色无权执行此操作", en: "Your role may not do this" },
  "forbidden.csrf": { zh: "拒绝跨站请求", en: "Cross-site request refused" },
  notFound: { zh: "资源不存在", en: "Not found" },
  "body.tooLarge": { zh: "请求体过大（上限 1 MiB）", en: "The request body is too large (1 MiB at most)" },
  "body.json": { zh: "请求体须为 JSON", en: "The request body must be JSON" },
  "body.multipart": {
    zh: "请以 multipart/form-data 上传文件",
    en: "Upload the file as multipart/form-data",
  },
  "url.invalid": { zh: "请求地址格式不正确", en: "The request path is malformed" },
  "url.tooLong": { zh: "请求地址中的参数过长", en: "A parameter in the request path is too long" },
  internal: { zh: "服务器内部错误，请稍后再试", en: "Internal server error; try again later" },
  unavailable: { zh: "服务暂时不可用，请稍后重试", en: "The service is briefly unavailable; try again" },
  "conflict.concurrent": {
    zh: "数据刚被其他操作修改，请刷新后重试",
    en: "This was changed at the same moment by someone else; reload and try again",
  },
  "amount.overInvoiceable": {
    zh: "申请金额超过可开票金额（当前可开票 ¥{0}）",
    en: "The amount exceeds the invoiceable amount (now ¥{0})",
  },
  "amount.overInvoiced": {
    zh: "该服务商存在欠票 ¥{0}，需先作废发票后才能申请开票",
    en: "You are over-invoiced by ¥{0} at this provider; void invoices before applying",
  },
  "transition.state": {
    zh: "当前状态为「{0}」，不能执行「{1}」",
    en: "The request is {0}; “{1}” is not possible",
  },
  "idempotency.mismatch": {
    zh: "该幂等键已用于另一个请求",
    en: "This Idempotency-Key was used for a different request",
  },
  "ticket.notMailing": {
    zh: "只有「邮寄中」的发票可以申请作废（当前状态：{0}）",
    en: "Only a mailing invoice can be voided (now: {0})",
  },
  "ticket.alreadyOpen": {
    zh: "该发票已有处理中的作废工单",
    en: "This invoice already has an open void ticket",
  },
  "ticket.notOpen": { zh: "工单已处理（当前状态：{0}）", en: "The ticket is already closed ({0})" },
  "refund.overConsumed": {
    zh: "退款金额超过该服务商的剩余消耗金额（¥{0}）",
    en: "The refund exceeds the remaining consumption at this provider (¥{0})",
  },
  "refund.duplicate": { zh: "该退款单号已登记", en: "A refund with this reference is already recorded" },
  "withdrawal.overInvoiced": {
    zh: "存在欠票 ¥{0}，需作废足额发票后才能提现",
    en: "You are over-invoiced by ¥{0}; void enough invoices before withdrawing",
  },
  "withdrawal.overWithdrawable": {
    zh: "提现金额超过可提现余额（¥{0}）",
    en: "The amount exceeds the withdrawable balance (¥{0})",
  },
  "file.notProcessing": {
    zh: "只有「处理中」的数电发票申请可以上传或删除文件（当前状态：{0}）",
    en: "Files can be attached or removed only while a digital invoice request is processing (now: {0})",
  },
  "file.tooMany": {
    zh: "每个申请最多保留 {0} 个文件，请先删除不需要的文件",
    en: "A request holds at most {0} files; remove one first",
  },
  "file.paper": {
    zh: "纸质发票申请无需上传文件",
    en: "A paper invoice request takes no files",
  },
  "returnRequest.notReturnable": {
    zh: "只有处理中、邮寄中或已开具的发票可以申请退票（当前状态：{0}）",
    en: "Only a processing, mailing or issued invoice can be returned (now: {0})",
  },
  "returnRequest.alreadyOpen": {
    zh: "该发票已有进行中的退票申请",
    en: "This invoice already has a return request in progress",
  },
  "returnRequest.state": {
    zh: "退票申请当前为「{0}」，发票为「{1}」，不能执行「{2}」",
    en: "The return request is {0} and the invoice {1}; “{2}” is not possible",
  },
  "returnRequest.expired": {
    zh: "红冲确认已超过期限，发票保持已开具",
    en: "The time to confirm the reversal has run out; the invoice stays issued",
  },
  "calendar.exists": { zh: "该日期已在日历中", en: "This date is already in the calendar" },
  "action.CANCEL": { zh: "撤销", en: "cancel" },
  "action.START_PROCESSING": { zh: "开始处理", en: "start processing" },
  "action.SHIP": { zh: "寄出发票", en: "ship" },
  "action.VOID": { zh: "作废", en: "void" },
  "action.ISSUE": { zh: "开具发票", en: "issue" },
  "action.REJECT": { zh: "驳回", en: "reject" },
  "action.RETURN_CANCEL": { zh: "同意退票并撤销", en: "cancel on return" },
  "action.RED_LETTER_VOID": { zh: "红冲作废", en: "void by red-letter reversal" },
  "action.APPROVE": { zh: "同意退票", en: "approve" },
  "action.DECLINE": { zh: "拒绝退票", en: "decline" },
  "action.CONFIRM": { zh: "确认红冲", en: "confirm" },
  "action.EXPIRE": { zh: "超时关闭", en: "expire" },
  "field.taxpayerId": { zh: "纳税人识别号", en: "taxpayer ID" },
  "field.registeredAddress": { zh: "注册地址", en: "registered address" },
  "field.registeredPhone": { zh: "注册电话", en: "registered phone" },
  "field.bankName": { zh: "开户银行", en: "bank" },
  "field.bankAccount": { zh: "开户账号", en: "bank account" },
};

/** Translates a message key of `table`; "key:arg1:arg2" fills {0}, {1}. Unknown keys come back as they are. */
export function translateIn(table: MessageTable, keyWithArgs: string, lang: Lang = "zh-CN"): string {
  const [key = "", ...args] = keyWithArgs.split(":");
  const entry = table[key];
  if (!entry) return keyWithArgs;
  const text = lang === "en" ? entry.en : entry.zh;
  // An argument may itself be a comma-separated list of keys ("field.bankName,field.bankAccount").
  const fill = (arg: string) =>
    arg
      .split(",")
      .map((part) => (table[part] ? translateIn(table, part, lang) : part))
      .join(lang === "en" ? ", " : "、");
  return text.replace(/\{(\d+)\}/g, (_, i: string) => fill(args[Number(i)] ?? ""));
}

/**
 * The validation and error messages only: what the console needs to word the shared zod schemas'
 * errors, without the label dictionaries in its first download.
 */
export function tMessage(keyWithArgs: string, lang: Lang = "zh-CN"): string {
  return translateIn(MESSAGES, keyWithArgs, lang);
}

export const VALIDATION_MESSAGES: Readonly<MessageTable> = MESSAGES;

export function langFrom(acceptLanguage: string | undefined): Lang {
  return acceptLanguage?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}
