import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/** Only http(s), mailto and relative links survive; everything else (javascript:, data:, vbscript:) is dropped. */
function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:|\/|#)/i.test(cleaned) ? cleaned : "";
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow ugc" target="_blank" className="text-brand-600 underline underline-offset-2 dark:text-brand-500">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Images from anywhere could track readers or be enormous: shown as a link, never loaded inline.
  img: ({ src, alt }) =>
    typeof src === "string" && safeUrl(src) ? (
      <a href={safeUrl(src)} rel="noopener noreferrer nofollow ugc" target="_blank" className="text-brand-600 underline dark:text-brand-500">
        {alt || "image"}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

/**
 * Markdown rendered without raw HTML: tags in the text are shown as text, never parsed,
 * so `<script>`, `onerror=` and friends cannot run.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={className ?? "prose-hindsight"}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={safeUrl} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
