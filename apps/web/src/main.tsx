import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
// TDesign's MessagePlugin/DialogPlugin render outside the tree through legacy ReactDOM.render,
// which React 19 removed; this adapter switches them to createRoot.
import "tdesign-react/es/_util/react-19-adapter";
import "tdesign-react/es/style/index.css";
import { AppProvider } from "./app/provider";
import { router } from "./app/router";
import { getLang } from "./lib/i18n/lang-store";
import { loadLocale } from "./lib/i18n/locales";
import "./styles/base.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

// Only the stored language's core strings are downloaded (its own chunk), before the first render;
// the signed-in pages' strings come with the shell (src/app/router.tsx).
loadLocale(getLang(), "core").then(
  (locale) =>
    createRoot(root).render(
      <StrictMode>
        <AppProvider locale={locale}>
          <RouterProvider router={router} />
        </AppProvider>
      </StrictMode>,
    ),
  () => {
    root.textContent = "加载失败，请刷新页面。Failed to load: reload the page.";
  },
);
