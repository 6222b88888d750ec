import { expireRedLetters } from "../services/expire-red-letters";
import type { Job } from "./scheduler";

/** SPEC §13: a red-letter reversal the buyer did not confirm within 72 hours expires by itself. */
export const expireRedLettersJob: Job = {
  name: "expire-red-letters",
  everyMs: 60_000,
  run: async (db, now) => {
    await expireRedLetters(db, now);
  },
};
