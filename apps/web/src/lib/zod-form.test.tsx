import { refundInput } from "@mic/contracts";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client";
import { useZodForm } from "./zod-form";

const EMPTY = { tenantId: "", providerId: "", amount: "", reference: "" };

describe("useZodForm", () => {
  it("says 'required' for a blank select instead of the uuid message", () => {
    const { result } = renderHook(() => useZodForm(refundInput, EMPTY));
    act(() => {
      expect(result.current.validate()).toBeNull();
    });
    expect(result.current.errors.tenantId).toBe("required");
    expect(result.current.errors.amount).toBeTruthy();
  });

  it("clears a field's error as soon as it is edited, keeping what was typed", () => {
    const { result } = renderHook(() => useZodForm(refundInput, EMPTY));
    act(() => void result.current.validate());
    act(() => result.current.setField("amount", "12.345"));
    expect(result.current.errors.amount).toBeUndefined();
    expect(result.current.values.amount).toBe("12.345");
  });

  it("maps a 400's fields onto the inputs, renamed where the form differs", () => {
    const { result } = renderHook(() => useZodForm(refundInput, EMPTY));
    let applied = false;
    act(() => {
      applied = result.current.applyServerError(
        new ApiError(400, { code: "VALIDATION", message: "x", fields: { refundAmount: "amount.invalid" } }),
        { refundAmount: "amount" },
      );
    });
    expect(applied).toBe(true);
    expect(result.current.errors).toEqual({ amount: "amount.invalid" });
  });
});
