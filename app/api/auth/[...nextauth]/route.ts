import { getDb } from "@/db";
import { handleAuthRequest } from "@/lib/auth/handler";

// Auth.js's endpoints (sign-in request, email callback, session, sign-out), on APP_URL: see lib/auth/handler.ts.
export async function GET(request: Request) {
  return handleAuthRequest(await getDb(), request);
}

export async function POST(request: Request) {
  return handleAuthRequest(await getDb(), request);
}
