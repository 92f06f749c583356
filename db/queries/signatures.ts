import { type SQL, and, asc, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { campaigns, petitionCountShards, petitionRecountMarks, petitions, rateLimitCounters, signatures } from "@/db/schema";
import { type Locale, timeZone } from "@/lib/i18n/locales";
import { CONFIRM_GRACE_HOURS, campaignIsPublicSql, openForSigningSql, signingEndedAtSql } from "@/db/lifecycles";
import { emailDomain, emailIndex, open, openOr, openOrNull, seal } from "@/db/personal-data";

/**
 * The only module that reads or writes signers' personal data (email, name): sealed at rest (db/personal-data.ts),
 * matched by the address's blind index (`email_index`), the dedupe key. Callers pass and get plaintext.
 */

export type NewSignature = {
  petitionSlug: string;
  emailNormalized: string;
  name: string;
  locale: Locale;
  consentUpdates: boolean;
  consentWordingVersion: string;
  showNamePublicly: boolean;
  consentDelivery: boolean;
  consentDeliveryWordingVersion: string;
  tokenNonce: string;
  tokenHash: string;
  tokenExpiresAt: Date;
  /** Keyed hash of the signer's address (null when unknown: no limit applies). */
  clientHash?: string | null;
  /** On a block list: stored as `fraudulent` at once, like a client over its limits. */
  blocked?: boolean;
};

/** Per client (address hash) per petition: at most `burst` signatures a minute and `hourly` an hour. */
export type SigningLimits = { burst: number; hourly: number };

/**
 * Inserts pending signatures — where the petition is open and the address has not signed it — together
 * with their confirmation emails (rows of the mail outbox): one statement for the whole batch, so each signature and its job
 * commit together (and the batch shares one round trip and one commit). The unique index
 * (petition, email) is the dedupe, and a petition that closes at the same moment cannot take a signature.
 * An address that signed already gets its link again (pending) or a note that it signed (confirmed), at most
 * `maxEmails` emails per signature, in the same statement: a duplicate costs what a new signature costs, so the
 * answer's timing tells nobody whether an address signed.
 * Returns the token hashes of the rows handled (new or duplicate); rows left out were not signable.
 */
export async function insertPendingSignaturesWithEmails(db: Db, rows: NewSignature[], limits: SigningLimits, priority: number, maxEmails: number): Promise<Set<string>> {
  const input = JSON.stringify(
    rows.map((s) => ({
      slug: s.petitionSlug,
      idx: emailIndex(s.emailNormalized),
      email: seal("signatures.email", s.emailNormalized),
      name: seal("signatures.name", s.name),
      domain: emailDomain(s.emailNormalized),
      locale: s.locale,
      consent: s.consentUpdates,
      wording: s.consentUpdates ? s.consentWordingVersion : null,
      public: s.showNamePublicly,
      delivery: s.consentDelivery,
      delivery_wording: s.consentDelivery ? s.consentDeliveryWordingVersion : null,
      nonce: s.tokenNonce,
      hash: s.tokenHash,
      expires: s.tokenExpiresAt.toISOString(),
      client: s.clientHash ?? null,
      blocked: s.blocked ?? false,
    })),
  );
  // A client over its limits (or blocked) is shadow-banned: its signature is stored as `fraudulent`, gets no email
  // and never counts, and the signer sees the same "check your email" page. Counted here, in the statement that
  // inserts, so the fast path has no extra round trip: per (petition, client) a counter for this minute and one for
  // this hour (rate_limit_counters), raised by this batch's attempts. Concurrent batches from any process
  // serialize on a client's counter rows (the upsert waits for the other's commit and adds to its total), so a
  // limit trips at exactly its threshold however the signatures arrive; other clients never wait.
  const result = await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as t(slug text, idx text, email text, name text, domain text, locale text,
        consent boolean, wording text, public boolean, delivery boolean, delivery_wording text, nonce text, hash text,
        expires timestamptz, client text, blocked boolean)
    ), open as (
      select i.*, p.id as petition_id, p.id::text || ':' || i.client as limit_key,
        row_number() over (partition by p.id, i.client order by i.idx) as nth,
        count(*) over (partition by p.id, i.client) as attempts
      from input i join ${petitions} p on p.slug = i.slug join ${campaigns} c on c.id = p.campaign_id
      where ${openForSigningSql(sql.raw("p.state"), sql.raw("p.deadline"))} and ${campaignIsPublicSql(sql.raw("c.state"))}
    ), counted as (
      insert into ${rateLimitCounters} (bucket, key, window_start, hits)
      select w.bucket, o.limit_key, date_trunc(w.unit, now()), max(o.attempts)
      from open o cross join (values ('sign:minute', 'minute'), ('sign:hour', 'hour')) as w(bucket, unit)
      where o.client is not null
      group by w.bucket, w.unit, o.limit_key
      on conflict (bucket, key, window_start) do update set hits = ${rateLimitCounters.hits} + excluded.hits
      returning bucket, key, hits
    ), tripped as (
      -- The batch that carries a client over a limit writes one security event (the address-hash only).
      insert into audit_log (action, entity_type, entity_id, details)
      select 'security.limit_trip', 'client', split_part(c.key, ':', 2),
        jsonb_build_object('action', 'sign', 'target', split_part(c.key, ':', 1), 'window', split_part(c.bucket, ':', 2))
      from counted c join (select distinct limit_key, attempts from open) o on o.limit_key = c.key
      where c.hits > (case c.bucket when 'sign:minute' then ${limits.burst}::int else ${limits.hourly}::int end)
        and c.hits - o.attempts <= (case c.bucket when 'sign:minute' then ${limits.burst}::int else ${limits.hourly}::int end)
    ), judged as (
      select o.*, o.blocked or coalesce((
        select bool_or(c.hits - o.attempts + o.nth > case c.bucket when 'sign:minute' then ${limits.burst}::int else ${limits.hourly}::int end)
        from counted c where c.key = o.limit_key
      ), false) as fraudulent
      from open o
    ), inserted as (
      insert into ${signatures} (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, state, consent_updates, consent_updates_at,
        consent_wording_version, show_name_publicly, consent_delivery, consent_delivery_at, consent_delivery_wording_version,
        token_nonce, token_hash, token_expires_at, confirmation_emails_sent, client_hash)
      select j.petition_id, j.idx, j.email, j.name, j.domain, j.locale, case when j.fraudulent then 'fraudulent' else 'pending' end,
        j.consent, case when j.consent then now() end, j.wording,
        j.public, j.delivery, case when j.delivery then now() end, j.delivery_wording, j.nonce, j.hash, j.expires,
        case when j.fraudulent then 0 else 1 end, j.client
      from judged j
      on conflict (petition_id, email_index) do nothing
      returning id, token_hash, state
    ), email as (
      insert into email_outbox (kind, payload, priority)
      select 'signature-confirmation', jsonb_build_object('signatureId', inserted.id), ${priority}::smallint
      from inserted
      where inserted.state = 'pending'
    ), resent as (
      -- Duplicates (rows of the snapshot; one committed meanwhile by another batch gets no second email: harmless).
      update ${signatures} s set confirmation_emails_sent = s.confirmation_emails_sent + 1, updated_at = now(),
        token_expires_at = case when s.state = 'pending' then j.expires else s.token_expires_at end
      from judged j
      where s.petition_id = j.petition_id and s.email_index = j.idx and not j.fraudulent
        and s.state in ('pending', 'confirmed') and s.confirmation_emails_sent < ${maxEmails}::int
      returning s.id, s.state, j.locale
    ), resent_email as (
      insert into email_outbox (kind, payload, priority)
      select case resent.state when 'pending' then 'signature-confirmation' else 'signature-already-signed' end,
        jsonb_build_object('signatureId', resent.id, 'locale', resent.locale), ${priority}::smallint
      from resent
    )
    select j.hash as token_hash from judged j`);
  return new Set(rowsOf<{ token_hash: string }>(result).map((r) => r.token_hash));
}

/** When signing ended (the close, or the deadline once passed); null while open. Same rule as lib/petitions/state.ts. */
const signingEndedAt = signingEndedAtSql(petitions.state, petitions.deadline, petitions.closedAt);

/**
 * Whether a signature's confirmation still counts: the petition is open, or it closed less than
 * CONFIRM_GRACE_HOURS ago and the signature was made before it closed (GOV.UK's rule). After that the count is final.
 */
const confirmationCounts = sql<boolean>`(
  ${openForSigningSql(petitions.state, petitions.deadline)}
  or (${signingEndedAt} is not null and ${signatures.createdAt} < ${signingEndedAt}
      and now() < ${signingEndedAt} + ${sql.raw(`interval '${CONFIRM_GRACE_HOURS} hours'`)})
)`;

/**
 * pending → confirmed, guarded (the link not expired, the petition still counting confirmations): reports the
 * petition when (and only when) this call confirmed it.
 */
export async function confirmPendingSignature(db: Db, tokenHash: string) {
  const [row] = await db
    .update(signatures)
    .set({ state: "confirmed", confirmedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(signatures.tokenHash, tokenHash),
        eq(signatures.state, "pending"),
        gt(signatures.tokenExpiresAt, sql`now()`),
        sql`exists (select 1 from ${petitions} where ${petitions.id} = ${signatures.petitionId} and ${confirmationCounts})`,
      ),
    )
    .returning({
      petitionId: signatures.petitionId,
      locale: signatures.locale,
      /** On the public list from now on (counted in the shards' `named`). */
      named: sql<boolean>`${signatures.showNamePublicly} and ${signatures.nameHiddenAt} is null`,
      // The "send me updates" consent, which this confirmation also confirms (lib/subscribers).
      campaignId: sql<string>`(select ${petitions.campaignId} from ${petitions} where ${petitions.id} = ${signatures.petitionId})`,
      email: signatures.emailSealed,
      consentUpdates: signatures.consentUpdates,
      consentUpdatesAt: signatures.consentUpdatesAt,
      consentWordingVersion: signatures.consentWordingVersion,
    });
  // An address that does not open (tampered) confirms the signature all the same; only the subscription is skipped.
  return row ? { ...row, email: openOrNull("signatures.email", row.email) } : null;
}

/** What a confirmation link points at, without any personal data. */
export async function findSignatureByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      state: signatures.state,
      tokenExpiresAt: signatures.tokenExpiresAt,
      petitionSlug: petitions.slug,
      petitionTitle: petitions.title,
      petitionState: petitions.state,
      /** False once the petition stopped counting confirmations (closed more than a day ago, or this came after). */
      confirmationCounts,
      signingEndedAt: sql<Date | null>`${signingEndedAt}`.mapWith(petitions.closedAt),
    })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(eq(signatures.tokenHash, tokenHash));
  return row ?? null;
}

/** Everything the email job needs to write to the signer. */
export async function findSignatureForEmail(db: Db, id: string) {
  const [row] = await db
    .select({
      id: signatures.id,
      email: signatures.emailSealed,
      name: signatures.nameSealed,
      locale: signatures.locale,
      state: signatures.state,
      tokenNonce: signatures.tokenNonce,
      petitionSlug: petitions.slug,
      petitionTitle: petitions.title,
    })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(eq(signatures.id, id));
  return row ? { ...row, email: open("signatures.email", row.email!), name: open("signatures.name", row.name!) } : null;
}

const SHARDS = 16;

/**
 * Adds one to a random shard of the petition's count (and of its public names, if this one is shown):
 * concurrent confirmations rarely touch the same row.
 */
export async function incrementConfirmedCount(db: Db, petitionId: string, options: { named: boolean } = { named: false }): Promise<void> {
  const named = options.named ? 1 : 0;
  await db
    .insert(petitionCountShards)
    .values({ petitionId, shard: sql`floor(random() * ${SHARDS})::smallint`, confirmed: 1, named })
    .onConflictDoUpdate({
      target: [petitionCountShards.petitionId, petitionCountShards.shard],
      set: { confirmed: sql`${petitionCountShards.confirmed} + 1`, named: sql`${petitionCountShards.named} + ${named}` },
    });
}

/**
 * Recount: makes petitions' shards add up to their confirmed signatures (and public names). One statement per run,
 * so the count of signatures and the sum of shards come from the same snapshot; a confirmation committing
 * meanwhile changes both or neither. The difference, if any, goes into shard 0.
 *
 * - `reconcileMarkedCounts` (every 5 minutes): only the petitions marked in `petition_recount_marks` since the
 *   last run — the triggers on `signatures` mark every change that can move a count, however it was written —
 *   so a petition nobody touched is never rescanned. It takes (deletes) exactly the marks its snapshot sees: a
 *   change committing meanwhile keeps its mark for the next run, and its effect is not in this run's counts either.
 * - `reconcileConfirmedCounts` (daily, and by tests): every petition, which also repairs a drift made to the
 *   shards themselves (an edit or a restore of `petition_count_shards` alone marks nothing).
 * Both take one advisory lock, so a full and an incremental run never correct the same drift twice.
 * Each returns how many petitions it corrected.
 */
export async function reconcileConfirmedCounts(db: Db): Promise<number> {
  return (await recount(db, "all")).reconciled;
}

/** The incremental recount: `petitions` scanned (marked since the last run), `reconciled` of them corrected. */
export async function reconcileMarkedCounts(db: Db): Promise<{ petitions: number; reconciled: number }> {
  return recount(db, "marked");
}

async function recount(db: Db, which: "all" | "marked"): Promise<{ petitions: number; reconciled: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('petition-recount'))`);
    const scope =
      which === "all"
        ? sql`taken as (delete from ${petitionRecountMarks} returning petition_id),
              scoped as (select ${petitions.id} as petition_id from ${petitions})`
        : sql`taken as (delete from ${petitionRecountMarks} returning petition_id),
              scoped as (select distinct t.petition_id from taken t join ${petitions} p on p.id = t.petition_id)`;
    const [row] = rowsOf<{ petitions: number; reconciled: number }>(
      await tx.execute(sql`
        with ${scope}, actual as (
          select m.petition_id, coalesce(s.confirmed, 0) as confirmed, coalesce(s.named, 0) as named,
                 coalesce(c.confirmed, 0) as counted, coalesce(c.named, 0) as counted_named
          from scoped m
          left join lateral (select count(*)::int as confirmed,
                                    (count(*) filter (where show_name_publicly and name_hidden_at is null))::int as named
                             from ${signatures} where petition_id = m.petition_id and state = 'confirmed') s on true
          left join lateral (select sum(confirmed)::int as confirmed, sum(named)::int as named
                             from ${petitionCountShards} where petition_id = m.petition_id) c on true
        ), drift as (
          select petition_id, confirmed - counted as delta, named - counted_named as delta_named
          from actual where confirmed <> counted or named <> counted_named
        ), fixed as (
          insert into ${petitionCountShards} (petition_id, shard, confirmed, named)
          select petition_id, 0, delta, delta_named from drift
          on conflict (petition_id, shard) do update
            set confirmed = ${petitionCountShards.confirmed} + excluded.confirmed, named = ${petitionCountShards.named} + excluded.named
          returning petition_id
        )
        select (select count(*) from scoped)::int as petitions, (select count(*) from fixed)::int as reconciled`),
    );
    return { petitions: Number(row?.petitions ?? 0), reconciled: Number(row?.reconciled ?? 0) };
  });
}

/** Shown on the public list: confirmed, "show my name" ticked, and not hidden by an organizer. */
const publiclyNamed = and(
  eq(signatures.state, "confirmed"),
  eq(signatures.showNamePublicly, true),
  isNull(signatures.nameHiddenAt),
);
/** The day a signature was confirmed, in Almaty: nothing finer ever leaves the database for the public list. */
const confirmedDay = sql<string>`to_char(${signatures.confirmedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;

/**
 * One page of the public list of signers, newest first: name and day only. Keyset-paged from a listed row (its
 * id: random, and only ever taken from a row this list already showed), so a deep page costs what the first does
 * (an OFFSET would read every row before it) and no confirmation time finer than the day leaves the database.
 * `older` pages go back in time from the row, `newer` forward; `limit` + 1 rows are read to tell if more follow.
 */
export async function listPublicSignerNames(
  db: Db,
  petitionId: string,
  page: { limit: number; older?: string; newer?: string },
): Promise<{ rows: { id: string; name: string; day: string }[]; more: boolean }> {
  const from = page.older ?? page.newer;
  const key = sql`(${signatures.confirmedAt}, ${signatures.id})`;
  const cursor = from
    ? sql`(select s.confirmed_at, s.id from ${signatures} s where s.id = ${from} and s.petition_id = ${petitionId}
        and s.state = 'confirmed' and s.show_name_publicly and s.name_hidden_at is null)`
    : undefined;
  const rows = await db
    .select({ id: signatures.id, name: signatures.nameSealed, day: confirmedDay })
    .from(signatures)
    .where(and(eq(signatures.petitionId, petitionId), publiclyNamed, cursor && (page.newer ? sql`${key} > ${cursor}` : sql`${key} < ${cursor}`)))
    .orderBy(...(page.newer ? [asc(signatures.confirmedAt), asc(signatures.id)] : [desc(signatures.confirmedAt), desc(signatures.id)]))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  // Names opened one page at a time; one that does not open (tampered) shows empty rather than failing the page.
  const shown = rows.slice(0, page.limit).map((r) => ({ ...r, name: openOr("signatures.name", r.name) }));
  return { rows: page.newer ? shown.reverse() : shown, more };
}

/** How many names the public list holds: the sum of at most 16 shard rows, whatever the petition's size. */
export async function countPublicSignerNames(db: Db, petitionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${petitionCountShards.named}), 0)::int` })
    .from(petitionCountShards)
    .where(eq(petitionCountShards.petitionId, petitionId));
  return Math.max(0, row?.n ?? 0);
}

/** For organizers: every name its owner let be shown, hidden or not, newest first. */
export async function listShowableSignerNames(db: Db, petitionId: string, page: { offset: number; limit: number }) {
  const where = and(eq(signatures.petitionId, petitionId), eq(signatures.state, "confirmed"), eq(signatures.showNamePublicly, true));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: signatures.id, name: signatures.nameSealed, day: confirmedDay, hidden: sql<boolean>`${signatures.nameHiddenAt} is not null` })
      .from(signatures)
      .where(where)
      .orderBy(desc(signatures.confirmedAt), desc(signatures.id))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: sql<number>`count(*)::int` }).from(signatures).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, name: openOr("signatures.name", r.name) })), total: total?.n ?? 0 };
}

/**
 * Hides (or shows again) a name on the public list, and moves the count of public names when that changed
 * (one statement: the old and the new state from the same row lock); false when the signature is not this petition's.
 */
export async function setSignatureNameHidden(db: Db, petitionId: string, signatureId: string, hidden: boolean): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      with old as (
        select id, state = 'confirmed' and show_name_publicly as listable, name_hidden_at is null as was_shown
        from ${signatures} where id = ${signatureId} and petition_id = ${petitionId} for update
      ), changed as (
        update ${signatures} s
        set name_hidden_at = ${hidden ? sql`coalesce(s.name_hidden_at, now())` : sql`null`}, updated_at = now()
        from old where s.id = old.id
        returning old.listable and old.was_shown <> ${!hidden}::boolean as moved
      ), counted as (
        insert into ${petitionCountShards} (petition_id, shard, confirmed, named)
        select ${petitionId}::uuid, 0, 0, ${hidden ? -1 : 1}::int from changed where moved
        on conflict (petition_id, shard) do update set named = ${petitionCountShards.named} + excluded.named
      )
      select 1 from changed`),
  );
  return rows.length > 0;
}

/**
 * Adds `delta` (negative: a withdrawal, an invalidation) to a petition's count, and `named` to its count of public
 * names, in shard 0: rare writes, so one row is fine, and the shards keep adding up to the confirmed signatures
 * and the names shown (the recount agrees).
 */
export async function addToConfirmedCount(db: Db, petitionId: string, delta: number, named = 0): Promise<void> {
  if (delta === 0 && named === 0) return;
  await db
    .insert(petitionCountShards)
    .values({ petitionId, shard: 0, confirmed: delta, named })
    .onConflictDoUpdate({
      target: [petitionCountShards.petitionId, petitionCountShards.shard],
      set: { confirmed: sql`${petitionCountShards.confirmed} + ${delta}`, named: sql`${petitionCountShards.named} + ${named}` },
    });
}

/** On the public list of names (what the shards' `named` counts), over a signatures row aliased `s`. */
const shownSql = sql.raw("(s.state = 'confirmed' and s.show_name_publicly and s.name_hidden_at is null)");

/** A signature made anonymous ("delete everything", retention) keeps this instead of an address: unique, matches nobody. */
export const ERASED_PREFIX = "erased:";

/** Everything we hold about one address's signatures ("your data"): the page, the JSON download. */
export async function findSignaturesByEmail(db: Db, emailNormalized: string) {
  const rows = await db
    .select({
      id: signatures.id,
      petitionId: signatures.petitionId,
      petitionSlug: petitions.slug,
      petitionTitle: petitions.title,
      petitionState: petitions.state,
      email: signatures.emailSealed,
      name: signatures.nameSealed,
      locale: signatures.locale,
      state: signatures.state,
      consentUpdates: signatures.consentUpdates,
      consentUpdatesAt: signatures.consentUpdatesAt,
      consentWordingVersion: signatures.consentWordingVersion,
      showNamePublicly: signatures.showNamePublicly,
      consentDelivery: signatures.consentDelivery,
      consentDeliveryAt: signatures.consentDeliveryAt,
      consentDeliveryWordingVersion: signatures.consentDeliveryWordingVersion,
      nameHiddenAt: signatures.nameHiddenAt,
      clientHash: signatures.clientHash,
      confirmationEmailsSent: signatures.confirmationEmailsSent,
      createdAt: signatures.createdAt,
      updatedAt: signatures.updatedAt,
      confirmedAt: signatures.confirmedAt,
    })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(eq(signatures.emailIndex, emailIndex(emailNormalized)))
    .orderBy(desc(signatures.createdAt));
  return rows.map((r) => ({ ...r, email: openOr("signatures.email", r.email, emailNormalized), name: openOr("signatures.name", r.name) }));
}

/**
 * The signer withdraws one of their signatures (pending or confirmed): the row is deleted, so nothing about it
 * stays and the same address can sign again (the unique index no longer holds it). Reports the state it had, so
 * the caller takes a confirmed one off the count in the same transaction; null when it was not this address's,
 * or not pending or confirmed.
 */
export async function withdrawSignatureOfEmail(db: Db, signatureId: string, emailNormalized: string) {
  const [row] = await db
    .delete(signatures)
    .where(and(eq(signatures.id, signatureId), eq(signatures.emailIndex, emailIndex(emailNormalized)), sql`${signatures.state} in ('pending', 'confirmed')`))
    .returning({
      petitionId: signatures.petitionId,
      previous: signatures.state,
      named: sql<boolean>`${signatures.state} = 'confirmed' and ${signatures.showNamePublicly} and ${signatures.nameHiddenAt} is null`,
    });
  return row ? { petitionId: row.petitionId, previous: row.previous as "pending" | "confirmed", named: row.named } : null;
}

/**
 * "Delete everything" for one address: a confirmed signature keeps counting but no longer says whose it was
 * (address replaced by an `erased:` marker, name, consents and address-hash gone); every other signature
 * (pending, withdrawn, invalidated, fraudulent) is deleted, and counted nowhere. Returns the ids touched.
 */
export async function eraseSignaturesOfEmail(db: Db, emailNormalized: string) {
  const index = emailIndex(emailNormalized);
  const anonymised = await anonymiseConfirmed(db, sql`s.email_index = ${index}`);
  const deleted = await db.delete(signatures).where(eq(signatures.emailIndex, index)).returning({ id: signatures.id });
  return { anonymised, deleted: deleted.map((r) => r.id) };
}

/**
 * Confirmed signatures matching `where` (over `s`) become anonymous — the index replaced by an `erased:` marker,
 * address and name by a sealed empty value, domain, consents and address-hash gone — and keep counting; names that were on the public list come off its count
 * in the same statement. Returns the ids.
 */
async function anonymiseConfirmed(db: Db, where: SQL): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with target as (
        select s.id, s.petition_id, ${shownSql} as shown from ${signatures} s
        where s.state = 'confirmed' and s.email_index not like ${`${ERASED_PREFIX}%`} and ${where}
        for update
      ), changed as (
        update ${signatures} s set email_index = ${ERASED_PREFIX} || s.id::text, email_sealed = ${seal("signatures.email", "")},
          name_sealed = ${seal("signatures.name", "")}, email_domain = null, consent_updates = false,
          consent_updates_at = null, consent_wording_version = null, show_name_publicly = false, consent_delivery = false,
          consent_delivery_at = null, consent_delivery_wording_version = null, client_hash = null, updated_at = now()
        from target where s.id = target.id
        returning s.id
      ), named as (
        insert into ${petitionCountShards} (petition_id, shard, confirmed, named)
        select petition_id, 0, 0, -count(*)::int from target where shown group by petition_id
        on conflict (petition_id, shard) do update set named = ${petitionCountShards.named} + excluded.named
      )
      select id from changed`),
  );
  return rows.map((r) => r.id);
}

/**
 * Retention: signatures never confirmed, made before `cutoff` and whose link has expired (a re-sent link extends
 * it), are deleted. Fraudulent ones too: nobody ever confirms them.
 */
export async function deleteUnconfirmedSignaturesBefore(db: Db, cutoff: Date, now: Date): Promise<number> {
  const rows = await db
    .delete(signatures)
    .where(
      and(
        sql`${signatures.state} in ('pending', 'fraudulent')`,
        lt(signatures.createdAt, cutoff),
        lt(signatures.tokenExpiresAt, now),
      ),
    )
    .returning({ id: signatures.id });
  return rows.length;
}

/** Retention: address-hashes of signatures made before `cutoff` are forgotten (the limits only need the last hour). */
export async function forgetSignatureClientHashesBefore(db: Db, cutoff: Date): Promise<number> {
  const rows = await db
    .update(signatures)
    .set({ clientHash: null })
    .where(and(sql`${signatures.clientHash} is not null`, lt(signatures.createdAt, cutoff)))
    .returning({ id: signatures.id });
  return rows.length;
}

/**
 * Retention: the signers of petitions archived before `cutoff` become anonymous (as "delete everything" does),
 * counts kept: confirmed signatures stay without address or name; the rest are deleted.
 */
export async function anonymiseSignaturesOfPetitionsArchivedBefore(db: Db, cutoff: Date): Promise<{ anonymised: number; deleted: number }> {
  const archivedPetitions = sql`select ${petitions.id} from ${petitions}
    where ${petitions.state} = 'archived' and coalesce(${petitions.archivedAt}, ${petitions.updatedAt}) < ${cutoff.toISOString()}::timestamptz`;
  const anonymised = await anonymiseConfirmed(db, sql`s.petition_id in (${archivedPetitions})`);
  const deleted = await db
    .delete(signatures)
    .where(and(sql`${signatures.petitionId} in (${archivedPetitions})`, sql`${signatures.state} <> 'confirmed'`))
    .returning({ id: signatures.id });
  return { anonymised: anonymised.length, deleted: deleted.length };
}
