import { createHmac, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { renderSVG } from "uqr";
import { deriveKey } from "@/lib/auth/secret";
import { seal, unseal } from "@/lib/security/seal";

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app does) and recovery codes. Secrets are
 * sealed at rest with a key derived for this purpose; recovery codes are kept as keyed hashes.
 */
const sealKey = () => deriveKey("second-factor-secret");
const codeKey = () => deriveKey("recovery-codes");

export const newTotpSecret = (): string => generateSecret();
export const sealSecret = (secret: string): string => seal(sealKey(), secret);
export const unsealSecret = (sealed: string): string => unseal(sealKey(), sealed);

export function enrollmentUri(email: string, secret: string): string {
  return generateURI({ issuer: "Qoldau", label: email, secret });
}

/** The QR code of the enrollment URI as an <img> source (SVG; no script, no request). */
export function qrDataUri(uri: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(renderSVG(uri, { border: 2 })).toString("base64")}`;
}

/** The time step a code belongs to (±1 step of clock drift), or null when it is not a current code. */
export async function verifyTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: 30 });
  return result.valid ? Math.floor(epoch / 30) + result.delta : null;
}

/** Ten codes of ten characters (no 0/O/1/I/L to misread), shown as XXXXX-XXXXX. */
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHmac("sha256", codeKey()).update(normalizeRecoveryCode(code)).digest("hex");
}

export const sealCodes = (codes: string[]): string => seal(sealKey(), JSON.stringify(codes));
export const unsealCodes = (sealed: string): string[] => JSON.parse(unseal(sealKey(), sealed)) as string[];
