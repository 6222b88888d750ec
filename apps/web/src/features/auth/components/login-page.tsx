import type { loginInput } from "@mic/contracts";
import { useEffect } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { CloudIcon, TranslateIcon } from "tdesign-icons-react";
import { Alert, Button, Input } from "tdesign-react";
import { homeFor, safeReturnTo } from "@/app/paths";
import { isApiError } from "@/lib/api-client";
import { useLogin, useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useZodForm } from "@/lib/zod-form";
import { SignInField } from "./sign-in-field";
import "./login.css";

const loadLoginSchema = () => import("../login-schema").then((m) => m.loginInput);

const DEMO_ACCOUNTS = [
  "admin@acme.test",
  "admin@globex.test",
  "staff@cloudsoft.test",
  "staff@datawise.test",
  "support@market.test",
];

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const form = useZodForm<typeof loginInput>(null, { email: "", password: "" });
  const returnTo = safeReturnTo(params.get("returnTo"));

  // The schema (and zod) arrive while the form is being filled in.
  useEffect(() => {
    loadLoginSchema().catch(() => undefined);
  }, []);

  if (me.data) return <Navigate to={returnTo ?? homeFor(me.data.role)} replace />;

  const submit = async () => {
    // Its chunk not downloadable (offline for a moment): the API checks the same schema and its
    // 400 puts the messages next to the same fields.
    const schema = await loadLoginSchema().catch(() => undefined);
    const body = schema ? form.validate({ schema }) : form.values;
    if (!body) return;
    login.mutate(body, {
      onSuccess: (user) => navigate(returnTo ?? homeFor(user.role), { replace: true }),
      onError: (error) => form.applyServerError(error),
    });
  };

  // A wrong password is a form-level message: naming a field would tell which part was wrong.
  const formError =
    login.error && !(isApiError(login.error, 400) && Object.keys(login.error.fields).length > 0);

  return (
    <div className="mic-login">
      <header className="mic-login-top">
        <span className="mic-brand">
          <CloudIcon size="22px" aria-hidden="true" />
          <span className="mic-brand-name">{t("app.name")}</span>
        </span>
        <Button
          variant="text"
          className="mic-topbar-btn"
          icon={<TranslateIcon />}
          onClick={() => setLang(lang === "en" ? "zh-CN" : "en")}
        >
          {t("lang.toggle")}
        </Button>
      </header>
      <main className="mic-login-main">
        <div className="mic-login-card">
          <h1>{t("login.title")}</h1>
          <p className="mic-muted">{t("login.subtitle")}</p>
          {formError ? (
            <div role="alert" className="mic-gap">
              <Alert theme="error" title={t("login.failed")} message={login.error.message} />
            </div>
          ) : null}
          <form
            className="mic-signin-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <SignInField label={t("login.email")} error={form.errors.email}>
              <Input
                name="email"
                type="text"
                autocomplete="username"
                placeholder={t("login.emailPlaceholder")}
                value={form.values.email}
                onChange={(v) => form.setField("email", String(v))}
                size="large"
                status={form.errors.email ? "error" : "default"}
              />
            </SignInField>
            <SignInField label={t("login.password")} error={form.errors.password}>
              <Input
                name="password"
                type="password"
                autocomplete="current-password"
                value={form.values.password}
                onChange={(v) => form.setField("password", String(v))}
                size="large"
                status={form.errors.password ? "error" : "default"}
              />
            </SignInField>
            <Button type="submit" theme="primary" size="large" block loading={login.isPending}>
              {t("login.submit")}
            </Button>
          </form>
          <details className="mic-demo">
            <summary>{t("login.demoTitle")}</summary>
            <p className="mic-muted">{t("login.demoHint")}</p>
            <ul>
              {DEMO_ACCOUNTS.map((email) => (
                <li key={email}>
                  <button
                    type="button"
                    className="mic-link-button"
                    onClick={() => {
                      form.setField("email", email);
                      form.setField("password", "demo-password");
                    }}
                  >
                    {email}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        </div>
      </main>
    </div>
  );
}
