export * from "./addresses";
export * from "./amounts";
export * from "./auth";
export * from "./common";
export * from "./invoices";
export * from "./messages";
export * from "./support";
export * from "./titles";
