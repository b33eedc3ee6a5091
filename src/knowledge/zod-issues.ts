import { z } from "zod";
import type { ExpectedType, ProblemCode, ProblemParams } from "./problem-text.js";
import { nearest } from "./suggest.js";

type Path = readonly PropertyKey[];

/** The schema that validates the value at `path`, looking through optional, default and array wrappers. */
function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of [undefined, ...path]) {
    while (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    }
    if (segment === undefined || current === undefined) continue;
    if (current instanceof z.ZodArray && typeof segment === "number") current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject)
      current = (current.shape as Record<string, z.ZodType>)[String(segment)];
    else current = undefined;
  }
  return current;
}

/** The keys an object in the front matter may have. */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  const object = schemaAt(schema, path);
  return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** A front-matter value as an editor wrote it, for quoting in a message. */
export function displayValue(value: unknown): string {
  if (typeof value === "string") return value;
  return value === undefined ? "" : JSON.stringify(value);
}

const fieldName = (path: Path) => path.map(String).join(".");

function expectedType(expected: string, schema: z.ZodType, path: Path): ExpectedType {
  if (expected === "object") {
    const keys = keysAt(schema, path);
    return keys.length === 2 && keys.includes("de") && keys.includes("en") ? "localized" : "object";
  }
  if (expected === "string") return "text";
  if (expected === "int") return "integer";
  if (expected === "array") return "list";
  if (expected === "number" || expected === "boolean") return expected;
  return "text";
}

export interface IssueProblem {
  code: ProblemCode;
  /** Where the problem is: the field, or for a missing field its parent. */
  path: Path;
  field: string;
  params: ProblemParams;
}

/** One zod issue as an editor's problem: what is wrong, where, and a likely fix, in no words of zod's. */
export function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown): IssueProblem {
  const path = issue.path;
  const field = fieldName(path);
  const value = valueAt(data, path);
  const at = (code: ProblemCode, params: ProblemParams = {}): IssueProblem => ({
    code,
    path,
    field,
    params: { field, ...params },
  });
  const missing = value === undefined && issue.code !== "unrecognized_keys" && issue.code !== "custom";
  if (missing) return { ...at("missingField"), path: path.slice(0, -1) };
  switch (issue.code) {
    case "invalid_type": {
      if (path.at(-1) === "checked") return at("checkedFormat");
      return at("wrongType", { expected: expectedType(issue.expected, schema, path) });
    }
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      const allowed = keysAt(schema, path);
      const keyPath = [...path, key];
      return {
        code: "unknownField",
        path: keyPath,
        field: fieldName(keyPath),
        params: { field: fieldName(keyPath), allowed, suggestion: nearest(key, allowed) },
      };
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      // An item of a list is named by its list: `selection`, not `selection.1`.
      const named = typeof path.at(-1) === "number" ? fieldName(path.slice(0, -1)) : field;
      const suggestion = nearest(displayValue(value), allowed);
      return {
        ...at("notAllowedValue", { value: displayValue(value), allowed, suggestion }),
        field: named,
        params: { field: named, value: displayValue(value), allowed, suggestion },
      };
    }
    case "too_small":
      if (issue.origin === "string") return at("emptyText");
      if (issue.origin === "array") return at("tooFewItems", { minimum: Number(issue.minimum) });
      if (issue.origin === "number") return at("notPositive");
      return at("invalidValue");
    case "too_big":
      return typeof value === "string"
        ? at("tooLong", { maximum: Number(issue.maximum), actual: value.length })
        : at("invalidValue");
    case "invalid_format":
      if (issue.format === "url") return at("invalidUrl");
      if (path.at(-1) === "id") return at("idFormat");
      if (path.at(-1) === "checked") return at("checkedFormat");
      return at("invalidValue");
    case "custom":
      return path.at(-1) === "participants" ? at("participantsRange") : at("invalidValue");
    default:
      return at("invalidValue");
  }
}
