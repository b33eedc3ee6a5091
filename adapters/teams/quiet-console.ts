import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "../../src/logger.js";

type ConsoleMethod = "error" | "warn";
const METHODS: readonly ConsoleMethod[] = ["error", "warn"];

/** The log of the request whose token check is running, where the library's console output goes. */
const inCheck = new AsyncLocalStorage<Logger>();
const wrappers = new WeakSet<(...args: unknown[]) => void>();

/**
 * Wraps the console method as it is now (which a test may have replaced since): inside a token check a
 * call becomes one debug line without its arguments, outside it goes through unchanged.
 */
function quiet(method: ConsoleMethod): void {
  // Read as a value, not a method: it is called with `console` as `this` below.
  const current = Reflect.get(console, method) as (...args: unknown[]) => void;
  if (wrappers.has(current)) return;
  const wrapper = (...args: unknown[]): void => {
    const logger = inCheck.getStore();
    if (logger)
      logger.debug({ method }, "the Bot Framework library wrote to the console; its text is left out");
    else current.apply(console, args);
  };
  wrappers.add(wrapper);
  console[method] = wrapper;
}

/**
 * botbuilder's token check writes what it refuses (expired tokens, the keys it knows) with console.error,
 * outside the app's log and its redaction. While `check` runs, such output is kept out; everywhere else
 * the console is left as it is.
 */
export function withoutLibraryConsole<T>(logger: Logger, check: () => Promise<T>): Promise<T> {
  for (const method of METHODS) quiet(method);
  return inCheck.run(logger, check);
}
