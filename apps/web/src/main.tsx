import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
// TDesign's MessagePlugin/DialogPlugin render outside the tree through legacy ReactDOM.render,
// which React 19 removed; this adapter switches them to createRoot.
import "tdesign-react/es/_util/react-19-adapter";
import "tdesign-react/es/style/index.css";
import { AppProvider } from "./app/provider";
import { router } from "./app/router";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
