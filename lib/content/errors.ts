/** One problem in one content file, precise enough to fix without reading the parser. */
export interface ContentIssue {
  /** Path relative to the content folder, e.g. "cnn-fundamentals/cf-why-stacked-3x3.md". */
  file: string;
  /** Dotted field path in the front matter ("choices.2.why"), or a section name, or "file". */
  field: string;
  message: string;
  /** 1-based line in the file when known. */
  line?: number;
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where}: ${issue.field}: ${issue.message}`;
}
