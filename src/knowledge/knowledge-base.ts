import { checkKnowledgeBase } from "./check.js";
import { loadEntryFiles } from "./load.js";
import { KnowledgeError, type Problem } from "./problems.js";
import { loadRequiredEntries } from "./required.js";
import { loadSynonyms, NO_SYNONYMS, type Synonyms } from "./synonyms.js";
import type { Entry } from "./types.js";

export class KnowledgeBase {
  private readonly byId: Map<string, Entry>;

  constructor(
    readonly entries: readonly Entry[],
    readonly synonyms: Synonyms = NO_SYNONYMS,
  ) {
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
export async function inspectKnowledge(
  root: string,
): Promise<{ entries: Entry[]; synonyms: Synonyms; problems: Problem[] }> {
  const [{ entries, problems, brokenIds }, required, thesaurus] = await Promise.all([
    loadEntryFiles(root),
    loadRequiredEntries(root),
    loadSynonyms(root),
  ]);
  return {
    entries,
    synonyms: thesaurus.synonyms,
    problems: [...problems, ...thesaurus.problems, ...checkKnowledgeBase(entries, required, brokenIds)],
  };
}

/** Loads the knowledge base for answering; refuses to start on errors, tolerates warnings. */
export async function loadKnowledgeBase(
  root: string,
): Promise<{ knowledge: KnowledgeBase; warnings: Problem[] }> {
  const { entries, synonyms, problems } = await inspectKnowledge(root);
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new KnowledgeError(errors);
  return { knowledge: new KnowledgeBase(entries, synonyms), warnings: problems };
}
