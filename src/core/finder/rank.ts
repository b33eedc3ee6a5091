import type { Entry, Language, MethodAttributes } from "../../knowledge/types.js";
import { conversationMessagesFor, type Purpose } from "../conversation-messages.js";
import { VALUE_LABELS } from "../messages.js";
import { participantsText } from "../replies.js";
import type { Constraints } from "./constraints.js";

type DurationClass = MethodAttributes["durationClass"];
const TEXT_FIT_WEIGHT = 5;
const DURATION_ORDER: readonly DurationClass[] = ["hours", "days", "weeks", "months", "ongoing"];

export interface RankedMethod {
  entry: Entry;
  score: number;
  /** Why it fits, one short phrase per constraint it meets ("15 Teilnehmende passen (ab 12)"). */
  reasons: string[];
  /** The wishes it does not meet ("wenige Stunden"); hard constraints are never among them. */
  unmet: string[];
}

export interface RankOptions {
  /** The method the user is looking at: alternatives share its purposes and attributes, and it is left out. */
  like?: Entry | undefined;
  /** How well the message's own words fit each entry, 0–1 (retrieval confidence), as a tie-breaker. */
  textFit?: ReadonlyMap<string, number>;
  /** The same, only to order methods that score alike (rather than by title). */
  tieFit?: ReadonlyMap<string, number>;
  /** A method the user described so that retrieval is sure of it: first, if it meets the hard constraints. */
  lead?: string | undefined;
  language: Language;
}

/** Group size and format are hard: a method that cannot take the group or the format is never offered. */
export function meetsHardConstraints(method: MethodAttributes, constraints: Constraints): boolean {
  const { people, format } = constraints;
  if (people !== undefined) {
    if (people < method.participants.min) return false;
    if (method.participants.max !== null && people > method.participants.max) return false;
  }
  if (format === "online" && method.format === "presence") return false;
  if (format === "presence" && method.format === "online") return false;
  if (format === "postal" && method.format === "online") return false;
  // Both ways at once ("online + vor Ort", "per Post und online"): a method of one way only cannot.
  if (format === "hybrid" && method.format !== "hybrid") return false;
  return true;
}

function durationDistance(a: DurationClass, b: DurationClass): number {
  return Math.abs(DURATION_ORDER.indexOf(a) - DURATION_ORDER.indexOf(b));
}

function overlap<T>(a: readonly T[], b: readonly T[]): number {
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : a.filter((item) => b.includes(item)).length / union;
}

/** How much alike two methods are: shared purposes first, then the way they work. */
function similarity(a: MethodAttributes, b: MethodAttributes): number {
  return (
    3 * overlap(a.purposes, b.purposes) +
    overlap(a.selection, b.selection) +
    (a.format === b.format ? 0.5 : 0) +
    (a.level === b.level ? 0.5 : 0) +
    Math.max(0, 1 - durationDistance(a.durationClass, b.durationClass) / 2) * 0.5
  );
}

function scoreOf(entry: Entry, method: MethodAttributes, constraints: Constraints, options: RankOptions) {
  const messages = conversationMessagesFor(options.language);
  const values = VALUE_LABELS[options.language];
  const reasons: string[] = [];
  const unmet: string[] = [];
  let score = 0;
  if (constraints.people !== undefined) {
    reasons.push(
      messages.reason.size(constraints.people, participantsText(method.participants, options.language)),
    );
  }
  for (const purpose of purposesOf(constraints)) {
    const at = method.purposes.indexOf(purpose);
    if (at >= 0) {
      // The purposes are listed most typical first.
      score += 3 - Math.min(at, 2) * 0.5;
      reasons.push(messages.purposeReason[purpose]);
    } else unmet.push(messages.purpose[purpose]);
  }
  if (constraints.time) {
    const distance = durationDistance(method.durationClass, constraints.time);
    score += distance === 0 ? 2 : distance === 1 ? 0.5 : -1;
    if (distance === 0) reasons.push(messages.durationClass[method.durationClass]);
    else unmet.push(messages.durationClass[constraints.time]);
  }
  if (constraints.format) {
    if (constraints.format === method.format) score += 1;
    if (constraints.format === "postal" && method.format === "hybrid") score += 1;
    reasons.push(messages.reason.format[constraints.format]);
  }
  if (constraints.selection) {
    const label = values.selection[constraints.selection];
    if (method.selection.includes(constraints.selection)) {
      score += 2;
      reasons.push(messages.reason.selection(label));
    } else unmet.push(label);
  }
  if (constraints.lowCost) {
    score += method.cost === "low" ? 2 : method.cost === "medium" ? 0.5 : -1;
    if (method.cost === "low") reasons.push(messages.reason.cost);
    else unmet.push(messages.reason.cost);
  }
  if (constraints.level) {
    if (method.level === constraints.level) {
      score += 1.5;
      reasons.push(messages.reason.level(values.level[method.level]));
    } else unmet.push(values.level[constraints.level]);
  }
  if (options.like?.method) score += similarity(options.like.method, method);
  // Procedures the law prescribes are not chosen like a method; they come last unless asked for.
  if (method.formal && constraints.level !== "decide" && constraints.purpose !== "decision") score -= 2;
  // A description of the method ("sessions on their own topics") weighs as much as two criteria.
  score += TEXT_FIT_WEIGHT * (options.textFit?.get(entry.id) ?? 0);
  return { score, reasons, unmet };
}

/** The methods that fit, best first; none that breaks a hard constraint. */
export function rankMethods(
  methods: readonly Entry[],
  constraints: Constraints,
  options: RankOptions,
): RankedMethod[] {
  const ranked: RankedMethod[] = [];
  for (const entry of methods) {
    const method = entry.method;
    if (!method || entry.id === options.like?.id || !meetsHardConstraints(method, constraints)) continue;
    ranked.push({ entry, ...scoreOf(entry, method, constraints, options) });
  }
  const first = (method: RankedMethod) => (method.entry.id === options.lead ? 1 : 0);
  const tie = (method: RankedMethod) => options.tieFit?.get(method.entry.id) ?? 0;
  return ranked.sort(
    (a, b) =>
      first(b) - first(a) ||
      b.score - a.score ||
      tie(b) - tie(a) ||
      a.entry.title[options.language].localeCompare(b.entry.title[options.language]),
  );
}

/** Every purpose asked for, the first one first. */
export function purposesOf(constraints: Constraints): Purpose[] {
  return constraints.purpose ? [constraints.purpose, ...(constraints.morePurposes ?? [])] : [];
}

export function purposeOf(value: string): Purpose | undefined {
  return (conversationMessagesFor("de").purpose as Record<string, string>)[value]
    ? (value as Purpose)
    : undefined;
}
