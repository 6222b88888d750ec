// Unified Social Credit Code (统一社会信用代码), GB 32100-2015.

/** The 31 code characters; I O Z S V are excluded to avoid confusion with 1 0 2 5 U. */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** 3^i mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

// Position 1 is the registering authority. The 2015 standard listed 1, 5, 9 and Y; authorities added
// since (2–8, A, N: foreign affairs, justice — law firms start "31" —, culture, tourism, religion,
// unions, military, agriculture) issue real codes too, so they are accepted. Position 2, the kind
// of organisation, is a digit 1–9 under every authority.
const STRUCTURE_PATTERN = /^[1-9ANY][1-9]\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/** The check character for the first 17 characters, or null when they contain a non-code character. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    const weight = WEIGHTS[i];
    if (value < 0 || weight === undefined) return null;
    sum += value * weight;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Case-sensitive on purpose: callers normalise with normaliseTaxpayerId first, so what is stored is
 * exactly what was validated.
 *
 * Positions 9–17 embed the GB 11714 organisation code, which carries its own check digit. It is not
 * verified: tax authorities print only the mod-31 character on invoices, some issued codes (e.g.
 * for 个体工商户) carry an organisation-code part that fails GB 11714, and refusing a code the tax
 * bureau accepts would block a legitimate invoice, while a typo is still caught by the mod-31 check.
 */
export function isValidUscc(s: string): boolean {
  if (!STRUCTURE_PATTERN.test(s)) return false;
  return usccCheckChar(s.slice(0, 17)) === s.charAt(17);
}
