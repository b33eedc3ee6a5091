import type { types } from "@slack/bolt";
import type { Reply } from "../../src/core/types.js";
import { renderReply } from "./blocks.js";

/**
 * The App Home tab: the core's overview (what the bot can do, example questions as buttons, the link to
 * the publication). Buttons there are answered in the user's direct messages with the bot; switching the
 * language is left to the conversation.
 */
export function renderHome(overview: Reply): types.HomeView {
  const buttons = overview.suggestions.filter((suggestion) => suggestion.action.type !== "language");
  return { type: "home", blocks: renderReply({ ...overview, suggestions: buttons }).blocks };
}
