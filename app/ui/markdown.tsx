import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";

/**
 * Server-rendered Markdown. The HTML comes from lib/markdown, which sanitises it (scripts, event handlers and
 * unsafe URLs removed), so injecting it here is safe by construction.
 */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`prose-receptive ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}

export function InlineMarkdown({ source, className = "" }: { source: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: renderInlineMarkdown(source) }} />;
}
