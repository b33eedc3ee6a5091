import type { ConversationState } from "../state/types.js";
import type { Reply } from "./types.js";

/** What handling one turn produced: the reply, the conversation's next state, and a vote to count. */
export interface TurnResult {
  reply: Reply;
  state: ConversationState;
  feedback?: { entryId: string; helpful: boolean };
}
