-- pgbench: the bare SQL of one signature — the pending signature and its confirmation email (a row of the
-- mail outbox) in one statement, as db/queries/signatures.ts insertPendingSignaturesWithEmails sends it (the
-- blind index and the sealed address and name are computed in the app; here values of the same sizes).
\set n random(1, 2000000000)
WITH inserted AS (
  INSERT INTO signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, consent_updates, consent_updates_at,
    consent_wording_version, show_name_publicly, token_nonce, token_hash, token_expires_at, confirmation_emails_sent)
  SELECT p.id, 'pgbench-' || :client_id || '-' || :n || '-' || md5(random()::text),
    'v1.pgbench0.' || md5(random()::text) || '.' || md5(random()::text) || md5(random()::text),
    'v1.pgbench0.' || md5(random()::text) || '.' || md5(random()::text), 'example.org', 'ru',
    false, NULL, NULL, false, md5(random()::text), md5(random()::text) || md5(random()::text), now() + interval '14 days', 1
  FROM petitions p WHERE p.slug = 'drop-the-charges' AND p.state = 'published' AND (p.deadline IS NULL OR p.deadline > now())
  ON CONFLICT (petition_id, email_index) DO NOTHING
  RETURNING id
), email AS (
  INSERT INTO email_outbox (kind, payload, priority)
  SELECT 'signature-confirmation', jsonb_build_object('signatureId', inserted.id), 0 FROM inserted
  RETURNING id
)
SELECT inserted.id FROM inserted, email;
