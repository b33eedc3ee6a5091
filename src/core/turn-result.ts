import type { ConversationState } from "../state/types.js";
import type { Action, Reply } from "./types.js";

/** What handling one turn produced: the reply, the conversation's next state, and a vote to count. */
export interface TurnResult {
  reply: Reply;
  state: ConversationState;
  feedback?: { entryId: string; helpful: boolean };
  /** What gives this answer again, in another language ("auf Englisch bitte"); only for answers. */
  replay?: Action | "finder" | undefined;
  /** The turn deleted the conversation's state („Meine Daten löschen“): nothing is written after it. */
  forgotten?: true;
}
