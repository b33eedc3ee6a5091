import type { Block } from "../knowledge/types.js";

/** Inline Markdown reduced to its words: links keep their text, emphasis marks go. */
export function plainInline(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]+/g, "");
}

export function blocksToPlainText(blocks: readonly Block[]): string {
  return blocks
    .map((block) =>
      block.type === "paragraph" ? plainInline(block.text) : block.items.map(plainInline).join("\n"),
    )
    .join("\n");
}
