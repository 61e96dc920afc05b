import "server-only";
import { NextResponse } from "next/server";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";

/** JSON error response for route handlers: our own messages with their status, anything else a plain 500. */
export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    return NextResponse.json({ error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }, { status: error.status });
  }
  console.error("request failed", error);
  return NextResponse.json({ error: { code: "INTERNAL", message: GENERIC_ERROR_MESSAGE } }, { status: 500 });
}

export function unauthenticated(): NextResponse {
  return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Log in first." } }, { status: 401 });
}

/** Reads a JSON body of bounded size; malformed JSON is a 400, not a crash. */
export async function readJson(request: Request, maxBytes = 16_384): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) throw Object.assign(new Error("body too large"), { status: 413 });
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for("invalid-json");
  }
}
