import { getDb } from "@/db";
import { handleAuthRequest } from "@/lib/auth/handler";
import { route } from "@/lib/http/boundary";

// Auth.js's endpoints (sign-in request, email callback, session, sign-out), on APP_URL: see lib/auth/handler.ts.
// Through the one boundary: what Auth.js does not answer itself (the database gone …) is the translated error page.
const handler = route("auth", async (request: Request) => handleAuthRequest(await getDb(), request));
export const GET = handler;
export const POST = handler;
