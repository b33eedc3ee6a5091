import { Lexer, type Token, type Tokens } from "marked";
import type { ProblemCode, ProblemParams } from "./problem-text.js";
import { LineCursor } from "./source-lines.js";
import { nearest } from "./suggest.js";
import {
  LANGUAGE_HEADINGS,
  LANGUAGES,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type Block,
  type Language,
  type Localized,
  type SectionKey,
  type Sections,
} from "./types.js";

export interface BodyProblem {
  field: string;
  code: ProblemCode;
  params: ProblemParams;
  line: number;
}

export interface ParsedBody {
  sections: Localized<Sections>;
  problems: BodyProblem[];
  /** The line of each language part's heading, where it has one. */
  languageLines: Partial<Record<Language, number>>;
}

const languageByHeading = new Map(LANGUAGES.map((language) => [LANGUAGE_HEADINGS[language], language]));

function sectionByHeading(language: Language): Map<string, SectionKey> {
  return new Map(SECTION_KEYS.map((key) => [SECTION_HEADINGS[key][language], key]));
}

/** Why a section heading is not one of the language's, and the heading probably meant. */
function unknownSection(title: string, language: Language): { code: ProblemCode; params: ProblemParams } {
  const other = LANGUAGES.find((lang) => lang !== language) ?? language;
  const otherKey = sectionByHeading(other).get(title);
  if (otherKey) {
    return {
      code: "sectionOfOtherLanguage",
      params: { heading: title, language, suggestion: SECTION_HEADINGS[otherKey][language] },
    };
  }
  const headings = SECTION_KEYS.map((key) => SECTION_HEADINGS[key][language]);
  return { code: "unknownSection", params: { heading: title, suggestion: nearest(title, headings) } };
}

function toBlock(token: Token): Block | undefined {
  if (token.type === "paragraph") {
    return { type: "paragraph", text: (token as Tokens.Paragraph).text.replace(/\s*\n\s*/g, " ") };
  }
  if (token.type === "list") {
    const list = token as Tokens.List;
    return {
      type: "list",
      ordered: list.ordered,
      items: list.items.map((item) => item.text.replace(/\s*\n\s*/g, " ").trim()),
    };
  }
  return undefined;
}

/**
 * Splits an entry's Markdown body into language parts (`# Deutsch`, `# English`) and sections
 * (`## Ablauf` …), turning each section into paragraphs and lists. `firstLine` is the body's line in the
 * file, so that problems name the file's lines.
 */
export function parseBody(source: string, firstLine = 1): ParsedBody {
  // marked reads CRLF as LF; reading the same text keeps tokens findable without changing line numbers.
  const markdown = source.replace(/\r\n?/g, "\n");
  const cursor = new LineCursor(markdown, firstLine);
  const sections: Localized<Sections> = { de: {}, en: {} };
  const sectionLines: Partial<Record<`${Language}.${SectionKey}`, number>> = {};
  const languageLines: Partial<Record<Language, number>> = {};
  const problems: BodyProblem[] = [];
  const report = (field: string, code: ProblemCode, line: number, params: ProblemParams = {}) =>
    problems.push({ field, code, params, line });
  let language: Language | undefined;
  let section: SectionKey | undefined;
  // What follows a heading already reported as unknown is not reported again, block by block.
  let inUnknownPart = false;
  let inUnknownSection = false;

  for (const token of new Lexer().lex(markdown)) {
    const line = cursor.lineOf(token.raw);
    if (token.type === "space") continue;
    const heading = token.type === "heading" ? (token as Tokens.Heading) : undefined;
    if (heading?.depth === 1) {
      const title = heading.text.trim();
      language = languageByHeading.get(title);
      section = undefined;
      inUnknownPart = !language;
      inUnknownSection = false;
      if (language) languageLines[language] = line;
      else {
        const suggestion = nearest(title, Object.values(LANGUAGE_HEADINGS));
        report("body", "unknownLanguageHeading", line, { heading: title, suggestion });
      }
      continue;
    }
    if (inUnknownPart) continue;
    if (heading) {
      const title = heading.text.trim();
      inUnknownSection = false;
      if (heading.depth === 2 && language) {
        section = sectionByHeading(language).get(title);
        if (!section) {
          inUnknownSection = true;
          const { code, params } = unknownSection(title, language);
          report(`body.${language}`, code, line, params);
        } else if (sections[language][section]) {
          report(`body.${language}.${section}`, "duplicateSection", line, { heading: title });
        } else {
          sections[language][section] = [];
          sectionLines[`${language}.${section}`] = line;
        }
        continue;
      }
      report("body", "headingNotAllowed", line, { heading: `${"#".repeat(heading.depth)} ${title}` });
      continue;
    }
    if (!language || !section) {
      if (!inUnknownSection) report("body", "textOutsideSection", line);
      continue;
    }
    const block = toBlock(token);
    if (!block) {
      report(`body.${language}.${section}`, "blockNotAllowed", line, { block: token.type });
      continue;
    }
    sections[language][section]?.push(block);
  }

  for (const lang of LANGUAGES) {
    for (const [key, blocks] of Object.entries(sections[lang]) as [SectionKey, Block[]][]) {
      if (blocks.length > 0) continue;
      report(`body.${lang}.${key}`, "emptySection", sectionLines[`${lang}.${key}`] ?? firstLine, {
        heading: SECTION_HEADINGS[key][lang],
      });
    }
  }
  return { sections, problems, languageLines };
}
