/** What a mail says; rendered once as HTML and once as plain text so both parts always agree. */
export type MailContent = {
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action: why the mail came, what to do if it was not you. */
  footnotes?: string[];
  unsubscribeUrl?: string;
};

export type RenderedMail = { html: string; text: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** User text (titles, names, messages) is always escaped: a mail must never carry someone's markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// Colours of the app (brand-600 on zinc), inline because mail clients drop <style> blocks.
const BRAND = "#4f46e5";
const INK = "#18181b";
const MUTED = "#52525b";

export function renderMail(content: MailContent): RenderedMail {
  const paragraphs = content.paragraphs
    .map((p) => `<p style="margin:0 0 16px;font-size:15px;line-height:1.5;color:${INK}">${escapeHtml(p)}</p>`)
    .join("");
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:${BRAND};color:#ffffff;text-decoration:none;font-weight:600;font-size:15px;padding:10px 18px;border-radius:6px">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:${MUTED}">Or paste this link into your browser: <a href="${escapeHtml(content.action.url)}" style="color:${BRAND};word-break:break-all">${escapeHtml(content.action.url)}</a></p>`
    : "";
  const footnotes = (content.footnotes ?? [])
    .map((f) => `<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:${MUTED}">${escapeHtml(f)}</p>`)
    .join("");
  const unsubscribe = content.unsubscribeUrl
    ? `<p style="margin:16px 0 0;font-size:12px;color:${MUTED}"><a href="${escapeHtml(content.unsubscribeUrl)}" style="color:${MUTED}">Unsubscribe from these e-mails</a></p>`
    : "";
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.heading)}</title></head>` +
    `<body style="margin:0;padding:24px 12px;background:#f4f4f5;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px"><tr><td style="padding:28px">` +
    `<p style="margin:0 0 20px;font-size:14px;font-weight:700;color:${BRAND}">Hindsight</p>` +
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:${INK}">${escapeHtml(content.heading)}</h1>` +
    paragraphs +
    action +
    (footnotes || unsubscribe ? `<hr style="border:none;border-top:1px solid #e4e4e7;margin:24px 0 16px">${footnotes}${unsubscribe}` : "") +
    `</td></tr></table></td></tr></table></body></html>`;

  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.footnotes?.length || content.unsubscribeUrl ? ["--"] : []),
    ...(content.footnotes ?? []),
    ...(content.unsubscribeUrl ? [`Unsubscribe: ${content.unsubscribeUrl}`] : []),
  ]
    .join("\n")
    .trimEnd();
  return { html, text: `${text}\n` };
}
