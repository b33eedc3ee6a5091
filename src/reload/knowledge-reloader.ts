import { watch, type FSWatcher } from "node:fs";
import type { Logger } from "pino";
import { inspectKnowledge, KnowledgeBase } from "../knowledge/knowledge-base.js";

export interface KnowledgeReloaderOptions {
  /** The knowledge folder (KNOWLEDGE_DIR). */
  dir: string;
  logger: Logger;
  /** Puts a valid new version into service. */
  apply: (knowledge: KnowledgeBase) => void;
  /** How long the folder must be quiet before it is read: an editor saves several files, a volume is swapped. */
  delayMs: number;
}

export type ReloadReason = "change" | "SIGHUP";

/**
 * Reloads the knowledge base while the bot runs, on SIGHUP and when the folder changes. A new version is
 * validated as a whole first; one with errors is not used — the bot keeps answering from the version it
 * has and the log says which file is wrong and why.
 */
export class KnowledgeReloader {
  private readonly logger: Logger;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Reloads run one after another, so that an older read never replaces a newer one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KnowledgeReloaderOptions) {
    this.logger = options.logger.child({ part: "knowledge" });
  }

  /** Reads and checks the folder; true when the new version is in service. */
  reload(reason: ReloadReason): Promise<boolean> {
    const next = this.queue.then(() => this.load(reason));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reloads after changes in the folder have settled; a folder that cannot be watched leaves SIGHUP. */
  watch(): void {
    try {
      this.watcher = watch(this.options.dir, { recursive: true, persistent: false }, () => {
        this.scheduleReload();
      });
      this.watcher.on("error", (error) => {
        this.logger.warn({ err: error }, "knowledge folder is no longer watched; SIGHUP still reloads it");
        this.watcher?.close();
      });
    } catch (error) {
      this.logger.warn({ err: error }, "knowledge folder cannot be watched; SIGHUP reloads it");
    }
  }

  close(): void {
    this.watcher?.close();
    clearTimeout(this.timer);
  }

  private scheduleReload(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload("change"), this.options.delayMs);
    this.timer.unref();
  }

  private async load(reason: ReloadReason): Promise<boolean> {
    const { dir, apply } = this.options;
    let inspected: Awaited<ReturnType<typeof inspectKnowledge>>;
    try {
      inspected = await inspectKnowledge(dir);
    } catch (error) {
      this.logger.error(
        { err: error, reason },
        "knowledge base could not be read; still answering from the previous version",
      );
      return false;
    }
    const errors = inspected.problems.filter((problem) => problem.severity === "error");
    if (errors.length > 0) {
      for (const { file, field, message } of errors)
        this.logger.warn({ file, field, problem: message }, "knowledge file has an error");
      this.logger.error(
        { reason, errors: errors.length, files: [...new Set(errors.map((problem) => problem.file))] },
        "knowledge base not reloaded; still answering from the previous version",
      );
      return false;
    }
    apply(new KnowledgeBase(inspected.entries, inspected.synonyms));
    this.logger.info({ reason, entries: inspected.entries.length }, "knowledge base reloaded");
    return true;
  }
}
