import { useI18n } from "@/lib/i18n/i18n-provider";
import { Panel } from "@/components/page";

/** Node.js, with the maintained `standardwebhooks` package (the same the console signs with). */
export const VERIFY_SNIPPET = `import express from "express";
import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.WEBHOOK_SECRET); // "whsec_…"
const app = express();

app.post("/webhooks/invoices", express.raw({ type: "application/json" }), (req, res) => {
  let event;
  try {
    event = wh.verify(req.body.toString("utf8"), req.headers);
  } catch {
    return res.status(400).end();
  }
  // event.type, event.timestamp, event.data; req.headers["webhook-id"] is the same on every retry.
  res.status(204).end();
});`;

/** 如何验证签名: the headers, the snippet, and what counts as delivered. */
export function VerifyHelp() {
  const { t } = useI18n();
  return (
    <Panel title={t("webhooks.help.title")}>
      <div className="mic-webhook-help">
        <p>{t("webhooks.help.intro")}</p>
        <ul>
          <li>
            <code>webhook-id</code> — {t("webhooks.help.id")}
          </li>
          <li>
            <code>webhook-timestamp</code> — {t("webhooks.help.timestamp")}
          </li>
          <li>
            <code>webhook-signature</code> — {t("webhooks.help.signature")}
          </li>
        </ul>
        <p>
          {t("webhooks.help.install")} <code>npm install standardwebhooks</code>
        </p>
        <pre className="mic-code" tabIndex={0} aria-label={t("webhooks.help.snippetLabel")}>
          <code>{VERIFY_SNIPPET}</code>
        </pre>
        <p>{t("webhooks.help.rawBody")}</p>
        <p>{t("webhooks.help.delivery")}</p>
      </div>
    </Panel>
  );
}
