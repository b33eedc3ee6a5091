/**
 * Where things stand in an entry's source text. gray-matter and marked hand over content without
 * positions, so messages that name a line find it here.
 */

const indentOf = (line: string) => line.length - line.trimStart().length;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The lines of the front-matter block, as indexes into `lines` (0 is the opening `---`). */
function frontMatterRange(lines: readonly string[]): { from: number; to: number } | undefined {
  if (lines[0]?.trim() !== "---") return undefined;
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  return { from: 1, to: close < 0 ? lines.length : close };
}

/** The end of the block a line opens: the next non-blank line indented no deeper. */
function blockEnd(lines: readonly string[], start: number, to: number): number {
  const indent = indentOf(lines[start] ?? "");
  for (let index = start + 1; index < to; index++) {
    const line = lines[index] ?? "";
    if (line.trim() !== "" && indentOf(line) <= indent) return index;
  }
  return to;
}

/**
 * The 1-based line of a front-matter value given by its path (`["summary", "en"]`, `["sources", 0, "url"]`).
 * Keys in flow style (`{ de: …, en: … }`) stand on their parent's line; where a part of the path cannot be
 * found, the line of the deepest part that was found is given.
 */
export function frontMatterLine(source: string, path: readonly PropertyKey[]): number | undefined {
  const lines = source.split(/\r?\n/);
  const range = frontMatterRange(lines);
  if (!range) return undefined;
  let { from, to } = range;
  let found: number | undefined;
  for (const segment of path) {
    if (typeof segment === "number") {
      if (found === undefined) break;
      const items = [];
      let itemIndent = Infinity;
      for (let index = from + 1; index < to; index++) {
        const line = lines[index] ?? "";
        if (!/^\s*- /.test(line) || indentOf(line) > itemIndent) continue;
        if (indentOf(line) < itemIndent) items.length = 0;
        itemIndent = indentOf(line);
        items.push(index);
      }
      const item = items[segment];
      // A flow list (`[a, b]`) keeps its items on the key's line.
      if (item === undefined) continue;
      found = item;
      from = item;
      to = items[segment + 1] ?? to;
      continue;
    }
    const key = new RegExp(
      found === undefined
        ? `^${escape(String(segment))}\\s*:`
        : `(^\\s*|[{,-]\\s*)${escape(String(segment))}\\s*:`,
    );
    let at: number | undefined;
    for (let index = from; index < to; index++) {
      if (key.test(lines[index] ?? "")) {
        at = index;
        break;
      }
    }
    if (at === undefined) break;
    found = at;
    from = at;
    to = blockEnd(lines, at, to);
  }
  return found === undefined ? undefined : found + 1;
}

/** The 1-based line of the top-level key `key`, for every key of the front matter. */
export function topLevelLines(source: string, keys: readonly string[]): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const key of keys) {
    const line = frontMatterLine(source, [key]);
    if (line !== undefined) lines[key] = line;
  }
  return lines;
}

/** The 1-based line at which the body (gray-matter's `content`, the rest of the file) begins. */
export function bodyStartLine(source: string, content: string): number {
  const before = source.endsWith(content) ? source.slice(0, source.length - content.length) : "";
  return before.split("\n").length;
}

/** Turns offsets into 1-based lines while walking forward through a text, one token after another. */
export class LineCursor {
  private offset = 0;
  private line: number;

  constructor(
    private readonly text: string,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  /** The line where `raw` starts, searched from the end of the previous token. */
  lineOf(raw: string): number {
    const at = this.text.indexOf(raw, this.offset);
    if (at < 0) return this.line;
    for (let index = this.offset; index < at; index++) if (this.text[index] === "\n") this.line++;
    this.offset = at;
    const start = this.line;
    for (let index = at; index < at + raw.length; index++) if (this.text[index] === "\n") this.line++;
    this.offset = at + raw.length;
    return start;
  }
}
