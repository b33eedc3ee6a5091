import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionQuery } from "botbuilder";
import { entryReply } from "../../src/core/replies.js";
import type { Entry, Language } from "../../src/knowledge/types.js";
import { DEFAULT_THRESHOLDS } from "../../src/search/retriever.js";
import type { Services } from "../../src/services.js";
import { truncate } from "../../src/core/truncate.js";
import { cardAttachment, renderCard, summaryOf } from "./card.js";

/** The message extension's search command (adapters/teams/appPackage/manifest.json). */
export const SEARCH_COMMAND = "searchMethods";
export const SEARCH_PARAMETER = "searchQuery";
/** Teams asks for 25 results at a time; more would not be shown. */
const MAX_RESULTS = 25;
const MAX_QUERY_LENGTH = 200;
const PREVIEW_TEXT = 140;

function parameter(query: MessagingExtensionQuery, name: string): string | undefined {
  const value: unknown = query.parameters?.find((p) => p.name === name)?.value;
  return typeof value === "string" ? value : undefined;
}

function wholeNumber(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** The page Teams asks for; it scrolls with skip = 25, 50 … */
function page(query: MessagingExtensionQuery): { skip: number; count: number } {
  const { skip, count } = query.queryOptions ?? {};
  return {
    skip: wholeNumber(skip, 0),
    count: Math.min(wholeNumber(count, MAX_RESULTS) || MAX_RESULTS, MAX_RESULTS),
  };
}

/**
 * The methods for what a user typed in the compose box, best first: the retriever's candidates (which
 * already read compounds, typos and synonyms, and never hand raw text to Lunr) that are methods and as
 * likely to fit as the bot must be sure to answer. An empty query (Teams' initial run) lists every method
 * by title.
 */
export function findMethods(services: Services, text: string, language: Language): Entry[] {
  const { knowledge, retriever } = services;
  const typed = text.trim().slice(0, MAX_QUERY_LENGTH);
  if (!typed) {
    return knowledge
      .ofKind("method")
      .sort((a, b) => a.title[language].localeCompare(b.title[language], language));
  }
  return retriever
    .rank(typed)
    .candidates.filter((candidate) => candidate.confidence >= DEFAULT_THRESHOLDS.answerConfidence)
    .sort((a, b) => b.confidence - a.confidence)
    .map((candidate) => knowledge.get(candidate.id))
    .filter((entry): entry is Entry => entry?.kind === "method");
}

/** A method as a card to insert into a conversation, with a preview for the result list. */
function methodAttachment(
  services: Services,
  entry: Entry,
  language: Language,
): MessagingExtensionAttachment {
  const context = {
    language,
    knowledge: services.knowledge,
    publicationUrl: services.config.PUBLICATION_URL,
  };
  const reply = entryReply(entry, context);
  return {
    ...cardAttachment(renderCard(reply, { interactive: false })),
    preview: CardFactory.thumbnailCard(
      entry.title[language],
      truncate(summaryOf({ ...reply, title: undefined }), PREVIEW_TEXT),
    ),
  };
}

/** The answer to a composeExtension/query: a page of method cards (none for an unknown command). */
export function searchResult(services: Services, query: MessagingExtensionQuery, language: Language) {
  const { skip, count } = page(query);
  const entries =
    query.commandId === SEARCH_COMMAND
      ? findMethods(services, parameter(query, SEARCH_PARAMETER) ?? "", language)
      : [];
  return {
    composeExtension: {
      type: "result" as const,
      attachmentLayout: "list" as const,
      attachments: entries
        .slice(skip, skip + count)
        .map((entry) => methodAttachment(services, entry, language)),
    },
  };
}
