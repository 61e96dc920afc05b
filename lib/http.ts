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

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: NextResponse };

/** Reads a JSON body of bounded size; an oversized or malformed body becomes a 413/400 response, not a crash. */
export async function readJson(request: Request, maxBytes = 16_384): Promise<JsonBody> {
  const text = await request.text();
  if (text.length > maxBytes) {
    return { ok: false, response: NextResponse.json({ error: { code: "VALIDATION", message: "The body is too large." } }, { status: 413 }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: NextResponse.json({ error: { code: "VALIDATION", message: "The body must be JSON." } }, { status: 400 }) };
  }
}
