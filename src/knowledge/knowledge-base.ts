import { checkKnowledgeBase } from "./check.js";
import { loadEntryFiles } from "./load.js";
import { KnowledgeError, type Problem } from "./problems.js";
import { loadRequiredEntries } from "./required.js";
import type { Entry } from "./types.js";

export class KnowledgeBase {
  private readonly byId: Map<string, Entry>;

  constructor(readonly entries: readonly Entry[]) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  ofKind(kind: Entry["kind"]): Entry[] {
    return this.entries.filter((entry) => entry.kind === kind);
  }
}

/** Every problem of the knowledge folder: of single files and across entries. */
export async function inspectKnowledge(root: string): Promise<{ entries: Entry[]; problems: Problem[] }> {
  const [{ entries, problems }, required] = await Promise.all([
    loadEntryFiles(root),
    loadRequiredEntries(root),
  ]);
  return { entries, problems: [...problems, ...checkKnowledgeBase(entries, required)] };
}

/** Loads the knowledge base for answering; refuses to start on errors, tolerates warnings. */
export async function loadKnowledgeBase(
  root: string,
): Promise<{ knowledge: KnowledgeBase; warnings: Problem[] }> {
  const { entries, problems } = await inspectKnowledge(root);
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new KnowledgeError(errors);
  return { knowledge: new KnowledgeBase(entries), warnings: problems };
}
