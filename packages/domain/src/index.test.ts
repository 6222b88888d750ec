import { describe, expect, it } from "vitest";
import * as domain from "./index";

// Other packages code against these names; a rename must fail here before it fails there.
const PUBLIC_NAMES = [
  "INVOICE_STATUSES",
  "ROLES",
  "INVOICE_ACTIONS",
  "TRANSITION_TABLE",
  "kindOf",
  "progressOf",
  "RETURN_TABLE",
  "checkReturnAction",
  "checkTransition",
  "TransitionError",
  "assertTransition",
  "availableActions",
  "isTerminal",
  "bucketOf",
  "parseAmount",
  "MAX_AMOUNT_FEN",
  "formatAmount",
  "formatCny",
  "computeInvoiceable",
  "withdrawableFen",
  "checkApplication",
  "checkWithdrawal",
  "POSTAGE_THRESHOLD_FEN",
  "shippingPayerFor",
  "EMPTY_CALENDAR",
  "SHIPPING_WORKING_DAYS",
  "isWorkingDay",
  "addWorkingDays",
  "chinaDate",
  "dueDateFor",
  "isOverdue",
  "isIsoDate",
  "isValidUscc",
  "isValidTaxpayerId",
  "normaliseTaxpayerId",
  "isMainlandMobile",
  "isPostalCode",
  "isBankAccount",
  "isPhoneNumber",
  "INVOICE_TYPES",
  "DEFAULT_INVOICE_TYPE",
  "TITLE_TYPES",
  "missingTitleFields",
  "titleTypeAllowed",
] as const;

describe("@mic/domain entry point", () => {
  it.each(PUBLIC_NAMES)("exports %s", (name) => {
    expect(domain[name]).toBeDefined();
  });
});
