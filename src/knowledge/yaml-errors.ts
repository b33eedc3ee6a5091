import type { ProblemCode, ProblemParams } from "./problem-text.js";

/** The parts of js-yaml's exception (thrown through gray-matter) that locate and name the mistake. */
interface YamlException {
  reason?: unknown;
  mark?: { line?: unknown };
}

/** js-yaml's reasons, in the words an editor can act on. */
const EXPLANATIONS: [RegExp, ProblemCode][] = [
  [/within a flow collection/, "yamlUnclosedBracket"],
  [/missed comma between flow collection entries/, "yamlMissingComma"],
  [/bad indentation/, "yamlIndentation"],
  [/duplicated mapping key/, "yamlDuplicateKey"],
  [/within a (double|single) quoted scalar/, "yamlUnclosedQuote"],
  [/incomplete explicit mapping pair|a multiline key may not be an implicit key/, "yamlColon"],
  [/\btab/, "yamlTab"],
  [/alias|anchor|tag|cannot start any token|reserved/, "yamlSpecialCharacter"],
  [/end of the stream or a document separator is expected/, "yamlStructure"],
];

/** The line an unclosed bracket or quote was opened on: js-yaml only notices at the end of the block. */
function openingLine(lines: readonly string[], upTo: number, code: ProblemCode): number | undefined {
  let depth = 0;
  let opened: number | undefined;
  for (let index = 1; index < Math.min(upTo + 1, lines.length); index++) {
    const line = lines[index] ?? "";
    if (code === "yamlUnclosedQuote") {
      if ((line.match(/"/g) ?? []).length % 2 === 1) return index + 1;
      continue;
    }
    const before = depth;
    for (const char of line) {
      if (char === "[" || char === "{") depth++;
      if (char === "]" || char === "}") depth--;
    }
    if (before === 0 && depth > 0) opened = index + 1;
    if (depth <= 0) opened = undefined;
  }
  return opened;
}

/** Where the front matter's YAML breaks and why, without the parser's own text. */
export function explainYamlError(
  error: unknown,
  source: string,
): { code: ProblemCode; line?: number; params: ProblemParams } {
  const { reason, mark } = (error ?? {}) as YamlException;
  const text = typeof reason === "string" ? reason : "";
  let code = EXPLANATIONS.find(([pattern]) => pattern.test(text))?.[1] ?? "yamlOther";
  // gray-matter hands js-yaml the text after the opening `---`, starting with its line break.
  const markLine = typeof mark?.line === "number" ? mark.line + 1 : undefined;
  if (markLine === undefined) return { code, params: {} };
  const lines = source.split(/\r?\n/);
  let line = markLine;
  if (code === "yamlUnclosedBracket" || code === "yamlUnclosedQuote") {
    line = openingLine(lines, markLine - 1, code) ?? markLine;
  }
  // A bracket left open reads on as if the next line were its next item, without a comma.
  const opened =
    code === "yamlMissingComma" ? openingLine(lines, markLine - 2, "yamlUnclosedBracket") : undefined;
  if (opened !== undefined) {
    code = "yamlUnclosedBracket";
    line = opened;
  }
  const field = /^\s*([^\s:#][^:]*?)\s*:/.exec(lines[line - 1] ?? "")?.[1];
  return { code, line, params: field ? { field } : {} };
}
