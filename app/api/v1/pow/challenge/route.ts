import { newPowChallenge } from "@/lib/abuse/proof-of-work";
import { route } from "@/lib/http/boundary";

/** A fresh proof-of-work challenge for the ALTCHA widget (lib/abuse/proof-of-work.ts). Never cached: each is used once. */
export const GET = route("pow-challenge", async () => Response.json(await newPowChallenge(), { headers: { "Cache-Control": "no-store" } }));
