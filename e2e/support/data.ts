import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { configurePersonalData, emailIndex, personalDataConfigured, sealedSigner, sealedSubscriber } from "../../db/personal-data";
import { campaign } from "./site";

/**
 * Test data written straight into the e2e database (E2E_DATABASE_URL, set by the global setup), so a test
 * can start from a fresh petition of its own instead of the seeded one other tests sign.
 */
let sql: postgres.Sql | undefined;
function db(): postgres.Sql {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run through playwright.config.ts (npm run test:e2e)");
  sql ??= postgres(url, { max: 2, onnotice: () => {} });
  return sql;
}

/** The app's keys of personal data at rest (set by the global setup), so a spec seals and matches as the app does. */
function withKeys(): void {
  if (personalDataConfigured()) return;
  const current = process.env.E2E_DATA_KEY;
  const index = process.env.E2E_DATA_INDEX_KEY;
  if (!current || !index) throw new Error("E2E_DATA_KEY is not set: run through playwright.config.ts (npm run test:e2e)");
  configurePersonalData({ current, index });
}

/** The blind index of an address, as the app stores it (`email_index` of signatures, rsvps, subscribers). */
export function indexOf(email: string): string {
  withKeys();
  return emailIndex(email.toLowerCase());
}

/** A signer's sealed columns, as the app writes them. */
export function sealedSignerColumns(email: string, name: string) {
  withKeys();
  return sealedSigner(email, name);
}

/** A subscriber's sealed address, as the app writes it. */
export function sealedSubscriberEmail(email: string): string {
  withKeys();
  return sealedSubscriber(email).emailSealed;
}

export type FreshPetition = { slug: string; title: Record<"ru" | "kk" | "en", string>; goal: number };

/** A new published petition in the seeded campaign, with a unique slug and title and no signatures. */
export async function createPetition(options: { goal?: number } = {}): Promise<FreshPetition> {
  const tag = randomBytes(4).toString("hex");
  const slug = `e2e-${tag}`;
  const title = { ru: `Тестовая петиция ${tag}`, kk: `Сынақ петициясы ${tag}`, en: `Test petition ${tag}` };
  const goal = options.goal ?? 500;
  const text = (s: string) => ({ ru: s, kk: s, en: s });
  const rows = await db()`
    insert into petitions (campaign_id, slug, state, target, title, summary, body, goal, deadline, published_at)
    select id, ${slug}, 'published', ${db().json(campaign.petition.target)}, ${db().json(title)},
           ${db().json(text(`Summary ${tag}`))}, ${db().json(text(`Body ${tag}`))}, ${goal},
           now() + interval '30 days', now()
    from campaigns where slug = ${campaign.campaign.slug}
    returning id`;
  if (rows.length !== 1) throw new Error("createPetition: the seeded campaign is missing");
  return { slug, title, goal };
}

export type TestSignature = { name: string; state?: "pending" | "confirmed"; publicName?: boolean; delivery?: boolean; confirmedAt?: Date };

/** Signatures written straight into a petition (the sign and confirm flows have their own tests). */
export async function addSignatures(slug: string, rows: TestSignature[]): Promise<void> {
  for (const r of rows) {
    const tag = randomBytes(6).toString("hex");
    const state = r.state ?? "confirmed";
    const p = sealedSignerColumns(`signer.${tag}@example.org`, r.name);
    await db()`
      insert into signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, state, show_name_publicly, consent_delivery,
                              token_nonce, token_hash, token_expires_at, confirmed_at)
      select id, ${p.emailIndex}, ${p.emailSealed}, ${p.nameSealed}, ${p.emailDomain}, 'en', ${state}, ${r.publicName ?? false}, ${r.delivery ?? false},
             ${tag}, ${tag}, now() + interval '1 day', ${state === "confirmed" ? (r.confirmedAt ?? new Date()) : null}
      from petitions where slug = ${slug}`;
    if (state === "confirmed") {
      const named = r.publicName ? 1 : 0;
      await db()`insert into petition_count_shards (petition_id, shard, confirmed, named) select id, 0, 1, ${named} from petitions where slug = ${slug}
                 on conflict (petition_id, shard) do update
                 set confirmed = petition_count_shards.confirmed + 1, named = petition_count_shards.named + ${named}`;
    }
  }
}
