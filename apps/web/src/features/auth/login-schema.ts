// The sign-in form's schema in a chunk of its own: it brings zod (~25 kB gzip), which /login does
// not need to show the form. The page fetches it while the user types (login-page.tsx).
export { loginInput } from "@mic/contracts";
