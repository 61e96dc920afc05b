/**
 * Markdown rendering for every place Markdown appears in Receptive (question prompts, answers, explanations,
 * descriptions). Framework-free and synchronous; the output is sanitised HTML meant for a `.prose-receptive`
 * wrapper styled by `app/markdown.css` (plus KaTeX's stylesheet).
 */
export { MAX_MARKDOWN_LENGTH, renderInlineMarkdown, renderMarkdown, type RenderMarkdownOptions } from "./render";
