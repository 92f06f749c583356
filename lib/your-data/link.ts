import { z } from "zod";
import { deriveKey } from "@/lib/auth/secret";
import { placeholder } from "@/lib/email/kinds";
import type { Locale } from "@/lib/i18n/locales";
import { seal, unseal } from "@/lib/security/seal";
import { normalizeEmail } from "@/lib/validation/signatures";

/**
 * The "your data" link in every email: the recipient's normalized address sealed with AES-256-GCM under a key
 * derived from AUTH_SECRET (lib/security/seal.ts). Authenticated like an HMAC — a changed character fails to
 * open, so nobody can make a link for another address — and, unlike an HMAC beside the address, the link does
 * not show the address to whoever sees it (browser history, a proxy's log, a shoulder). Nothing is stored: the
 * link is the credential, like the RSVP manage link. It does not expire (an old email must still work).
 */
let key: Buffer | undefined;
const linkKey = () => (key ??= deriveKey("your-data-link"));

/** `v1.<iv 12 bytes>.<tag 16 bytes>.<ciphertext>`, base64url; an address is at most 320 bytes. */
export const yourDataTokenSchema = z.string().regex(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{4,440}$/);

export function yourDataToken(email: string): string {
  return seal(linkKey(), normalizeEmail(email));
}

/** The address a link was made for; null for anything else (malformed, tampered, another key's). */
export function emailOfYourDataToken(token: unknown): string | null {
  const parsed = yourDataTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  try {
    const email = unseal(linkKey(), parsed.data);
    return z.email().max(320).safeParse(email).success ? email : null;
  } catch {
    return null;
  }
}

export function yourDataPath(locale: Locale, token: string): string {
  return `/${locale}/your-data/${token}`;
}

/** Where a template puts the recipient's token; the sender fills it in per email (lib/email/sender.ts). */
export const YOUR_DATA_TOKEN = placeholder("yourDataToken");
