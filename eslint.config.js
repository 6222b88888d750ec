// Flat config: type-aware typescript-eslint for every TypeScript file, React hooks rules for the web app.
// `pnpm run lint` runs it with --max-warnings 0, so a warning is as red as an error.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/generated/**",
      "prisma/generated/**",
      "prisma/migrations/**",
      // Prisma 6 tooling, plain .mjs run by Node; kept apart from the app on purpose (docs/decisions/0001).
      "packages/prisma-diff/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "**/coverage/**",
      ".data/**",
    ],
  },

  js.configs.recommended,

  // TypeScript: every file belongs to a package tsconfig, except root-level tool configs, which get
  // the base compiler options through the project service's default project.
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["*.config.ts", "apps/web/vite.config.ts"],
          defaultProject: "tsconfig.base.json",
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_`-prefixed names are deliberate placeholders (unused callback args, destructured rest).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // Fastify plugins and hooks are async by contract even when their body has nothing to await.
      "@typescript-eslint/require-await": "off",
      // A promise-returning onClick, mutation callback or dialog handler is the normal React/TanStack
      // idiom (errors are handled inside); returning a promise where a value is expected is still caught.
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false, arguments: false, properties: false } },
      ],
      // Floating promises must be awaited or marked `void`; react-router's navigate() resolves
      // only for data routers' transitions and never rejects, so it may float.
      "@typescript-eslint/no-floating-promises": [
        "error",
        { allowForKnownSafeCalls: [{ from: "package", name: "NavigateFunction", package: "react-router" }] },
      ],
      // Template literals with numbers are fine; objects and `undefined` are the real mistakes.
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },

  // Plain JavaScript (this file, scripts/*.mjs): Node globals, no type information.
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },

  // Node programs and tests.
  {
    files: ["apps/api/**", "prisma/**", "e2e/**", "scripts/**", "*.config.ts"],
    languageOptions: { globals: { ...globals.node } },
  },

  // The React console.
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Features reach shared code through the `@/` alias, never through `../../`.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../../*", "../../**"],
              message: "Import through the @/ alias (apps/web/src) instead of a deep relative path.",
            },
          ],
        },
      ],
    },
  },

  // Tests read untyped JSON bodies (`app.inject().json()` is `any`) and use non-null assertions on fixtures.
  {
    files: ["**/*.test.ts", "apps/api/test/**", "e2e/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
