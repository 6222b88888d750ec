import { Link } from "react-router";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { paths } from "./paths";
import "./not-found.css";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="mic-not-found">
      <p className="mic-not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <Link className="t-button t-button--theme-primary t-button--variant-base" to={paths.home}>
        <span className="t-button__text">{t("notFound.home")}</span>
      </Link>
    </div>
  );
}
