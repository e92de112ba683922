import { Alert } from "@/components/ui/alert";
import { SIGNATURE_HEADER } from "@/lib/alerts/secret-header";

const codeClass = "block overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs whitespace-pre text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100";

/** The secret, shown once, with what to paste into Alertmanager, Grafana or a script. */
export function SecretOnce({ endpoint, secret, authMode }: { endpoint: string; secret: string; authMode: "BEARER" | "HMAC" }) {
  const curl =
    authMode === "BEARER"
      ? `curl -X POST '${endpoint}' \\\n  -H 'Authorization: Bearer ${secret}' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"event_action":"trigger","dedup_key":"disk/srv01","payload":{"summary":"Disk full on srv01","source":"srv01","severity":"critical"}}'`
      : `BODY='{"event_action":"trigger","dedup_key":"disk/srv01","payload":{"summary":"Disk full on srv01","source":"srv01","severity":"critical"}}'\nSIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac '${secret}' | sed 's/^.* //')\ncurl -X POST '${endpoint}' -H "${SIGNATURE_HEADER}: sha256=$SIG" -H 'Content-Type: application/json' -d "$BODY"`;
  const alertmanager = `receivers:\n  - name: hindsight\n    webhook_configs:\n      - url: '${endpoint}'\n        send_resolved: true\n        http_config:\n          authorization:\n            type: Bearer\n            credentials: '${secret}'`;
  return (
    <div className="space-y-3" data-testid="secret-once">
      <Alert tone="info">Copy the secret now: it is shown only once. Rotating it later keeps this one working for 24 hours.</Alert>
      <div className="space-y-1">
        <p className="text-sm font-medium">Endpoint URL</p>
        <code className={codeClass} data-testid="endpoint-url">{endpoint}</code>
      </div>
      <div className="space-y-1">
        <p className="text-sm font-medium">Secret</p>
        <code className={codeClass} data-testid="source-secret">{secret}</code>
      </div>
      {authMode === "BEARER" && (
        <div className="space-y-1">
          <p className="text-sm font-medium">Alertmanager (alertmanager.yml)</p>
          <code className={codeClass}>{alertmanager}</code>
        </div>
      )}
      <div className="space-y-1">
        <p className="text-sm font-medium">A script (PagerDuty Events v2 shape)</p>
        <code className={codeClass}>{curl}</code>
      </div>
    </div>
  );
}
