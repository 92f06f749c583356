import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Personal data at rest (signers', attendees' and subscribers' email and name; rendered emails waiting in a
 * batch): sealed with AES-256-GCM, a random 12-byte IV per value, as `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url).
 * The associated data names the column, so a ciphertext copied into another column (a name into an address) fails
 * to open. Dedupe and lookups go through `emailIndex`, a keyed HMAC-SHA256 of the normalized address: its key comes
 * from a secret of its own that never rotates with the encryption key (README "Personal data at rest").
 *
 * The keys come from outside the database: lib/security/data-keys.ts configures them at start-up (db/ reads no
 * configuration). Only db/queries/* (and the mail sender's batch store) call seal/open.
 */

export type SealedColumn =
  | "signatures.email"
  | "signatures.name"
  | "rsvps.email"
  | "rsvps.name"
  | "subscribers.email"
  | "email_batch_members.message";

export type DataKeySecrets = {
  /** Encrypts everything written from now on. */
  current: string;
  /** Still opens what an earlier key sealed, until `npm run data:rotate-key` re-sealed it. */
  previous?: string[];
  /** The blind index's secret: stable across rotations (changing it would break dedupe). */
  index: string;
};

type Key = { id: string; key: Buffer };
type Keyring = { current: Key; byId: Map<string, Key>; index: Buffer };

const VERSION = "v1";
const holder = globalThis as typeof globalThis & { __qoldauDataKeys?: Keyring };

/** A failure to open a sealed value: unknown key, tampered, or moved from another column. Carries no data. */
export class PersonalDataError extends Error {
  constructor(message: string) {
    super(`personal data: ${message}`);
    this.name = "PersonalDataError";
  }
}

function deriveDataKey(secret: string): Key {
  const key = Buffer.from(hkdfSync("sha256", secret, "qoldau-data", "aes-256-gcm", 32));
  // Names the key without revealing anything about it (a hash of the derived key, not of the secret).
  const id = createHash("sha256").update("qoldau-key-id\0").update(key).digest("base64url").slice(0, 8);
  return { id, key };
}

/** Sets the keys of this process (at start-up, and in tests). */
export function configurePersonalData(secrets: DataKeySecrets): void {
  const current = deriveDataKey(secrets.current);
  const byId = new Map<string, Key>([[current.id, current]]);
  for (const s of secrets.previous ?? []) {
    const k = deriveDataKey(s);
    if (!byId.has(k.id)) byId.set(k.id, k);
  }
  const index = Buffer.from(hkdfSync("sha256", secrets.index, "qoldau-data", "email-index", 32));
  holder.__qoldauDataKeys = { current, byId, index };
}

export function personalDataConfigured(): boolean {
  return holder.__qoldauDataKeys !== undefined;
}

function keyring(): Keyring {
  const k = holder.__qoldauDataKeys;
  if (!k) throw new Error("personal data keys are not configured: lib/security/data-keys.ts sets them at start-up");
  return k;
}

/** The id of the key new values are sealed with. */
export function currentKeyId(): string {
  return keyring().current.id;
}

const aad = (column: SealedColumn) => Buffer.from(`qoldau:${VERSION}:${column}`, "utf8");

export function seal(column: SealedColumn, plaintext: string): string {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(aad(column));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${current.id}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** The key id a sealed value names, or null when it is not a sealed value. */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(".");
  return parts.length === 4 && parts[0] === VERSION ? parts[1]! : null;
}

export function open(column: SealedColumn, sealed: string): string {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new PersonalDataError(`${column}: not a sealed value`);
  const key = keyring().byId.get(parts[1]!);
  if (!key) throw new PersonalDataError(`${column}: sealed with an unknown key (${parts[1]})`);
  const iv = Buffer.from(parts[2]!, "base64url");
  const body = Buffer.from(parts[3]!, "base64url");
  if (iv.length !== 12 || body.length < 16) throw new PersonalDataError(`${column}: malformed`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv);
    decipher.setAAD(aad(column));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new PersonalDataError(`${column}: does not open (changed, or from another column)`);
  }
}

/**
 * `open` for what a person or an organizer reads (a list, a page, an export): a value that does not open shows as
 * `fallback` instead of failing the whole page; it is reported once per value (the column, never the value).
 */
export function openOr(column: SealedColumn, sealed: string | null, fallback = ""): string {
  if (sealed === null) return fallback;
  try {
    return open(column, sealed);
  } catch (error) {
    if (!(error instanceof PersonalDataError)) throw error;
    console.error(`[qoldau] ${error.message}`);
    return fallback;
  }
}

/** `openOr` for a value the caller can do without (null when absent or when it does not open). */
export function openOrNull(column: SealedColumn, sealed: string | null): string | null {
  const opened = openOr(column, sealed, "\0");
  return opened === "\0" ? null : opened;
}

/** `seal` of an optional value (walk-ins have no address). */
export const sealNullable = (column: SealedColumn, plaintext: string | null) => (plaintext === null ? null : seal(column, plaintext));

/** The blind index of a normalized address: what dedupe and every lookup by address match on. */
export function emailIndex(emailNormalized: string): string {
  return createHmac("sha256", keyring().index).update(emailNormalized.toLowerCase(), "utf8").digest("base64url");
}

/** The domain of an address, kept in clear on signatures for the domain flags and bulk invalidation (README). */
export function emailDomain(emailNormalized: string): string {
  const at = emailNormalized.lastIndexOf("@");
  return at < 0 ? "" : emailNormalized.slice(at + 1).toLowerCase();
}

/** A sealed signer row's personal columns, from plaintext (also what tests insert directly). */
export function sealedSigner(emailNormalized: string, name: string) {
  return {
    emailIndex: emailIndex(emailNormalized),
    emailSealed: seal("signatures.email", emailNormalized),
    nameSealed: seal("signatures.name", name),
    emailDomain: emailDomain(emailNormalized),
  };
}

export function sealedAttendee(emailNormalized: string | null, name: string) {
  return {
    emailIndex: emailNormalized === null ? null : emailIndex(emailNormalized),
    emailSealed: sealNullable("rsvps.email", emailNormalized),
    nameSealed: seal("rsvps.name", name),
  };
}

export function sealedSubscriber(emailNormalized: string) {
  return { emailIndex: emailIndex(emailNormalized), emailSealed: seal("subscribers.email", emailNormalized) };
}
