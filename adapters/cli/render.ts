import { numberedActions } from "../../src/core/reply-view.js";
import type { Element, Language, Reply } from "../../src/core/types.js";

function plain(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, "$1").replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 <$2>");
}

/** A table as aligned text columns, the row labels first. */
function tableLines(element: Extract<Element, { type: "table" }>): string[] {
  const rows = [["", ...element.columns], ...element.rows.map((row) => [row.label, ...row.cells])];
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.min(36, Math.max(...rows.map((row) => (row[column] ?? "").length))),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => plain(cell).padEnd(widths[column] ?? 0))
      .join(" │ ")
      .trimEnd(),
  );
}

function elementLines(element: Element, language: Language): string[] {
  switch (element.type) {
    case "paragraph":
      return [plain(element.text)];
    case "list":
      return element.items.map((item, i) => `${element.ordered ? `${i + 1}.` : "-"} ${plain(item)}`);
    case "facts":
      return element.facts.map((fact) => `${fact.label}: ${fact.value}`);
    case "table":
      return tableLines(element);
    case "links":
      return element.links.map((link) => `→ ${link.label}: ${link.url}`);
    case "sources":
      return [
        `${language === "de" ? "Quellen" : "Sources"}:`,
        ...element.sources.map((source) => `  - ${source.title}${source.url ? ` <${source.url}>` : ""}`),
      ];
  }
}

/**
 * A reply as terminal text: title, body, and every button as a number to type ("2" picks the second).
 */
export function renderText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.title) lines.push(reply.title, "=".repeat(Math.min(reply.title.length, 72)));
  for (const element of reply.body) lines.push(...elementLines(element, reply.language), "");
  const actions = numberedActions(reply);
  if (actions.length > 0) {
    lines.push(
      `${reply.language === "de" ? "Weiter mit (Nummer tippen)" : "Continue with (type a number)"}:`,
    );
    actions.forEach((action, i) => lines.push(`  ${i + 1}. ${action.label}`));
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
