-- pgbench: the bare SQL of one signature — the pending signature and its confirmation job in one
-- statement, as db/queries/signatures.ts insertPendingSignatureWithJob sends it.
\set n random(1, 2000000000)
WITH inserted AS (
  INSERT INTO signatures (petition_id, email_normalized, name, locale, consent_updates, consent_updates_at,
    consent_wording_version, show_name_publicly, token_nonce, token_hash, token_expires_at, confirmation_emails_sent)
  SELECT p.id, 'pgbench-' || :client_id || '-' || :n || '-' || md5(random()::text) || '@example.org', 'Bench Signer', 'ru',
    false, NULL, NULL, false, md5(random()::text), md5(random()::text) || md5(random()::text), now() + interval '14 days', 1
  FROM petitions p WHERE p.slug = 'drop-the-charges' AND p.state = 'published' AND (p.deadline IS NULL OR p.deadline > now())
  ON CONFLICT (petition_id, email_normalized) DO NOTHING
  RETURNING id
), job AS (
  INSERT INTO pgboss.job (name, data, expire_in, keep_until, retry_limit, retry_delay, retry_backoff, policy, dead_letter)
  SELECT q.name, jsonb_build_object('signatureId', inserted.id), coalesce(q.expire_seconds, 900) * interval '1s',
    now() + interval '14 days', coalesce(q.retry_limit, 2), greatest(coalesce(q.retry_delay, 0), 1),
    coalesce(q.retry_backoff, false), q.policy, q.dead_letter
  FROM inserted LEFT JOIN pgboss.queue q ON q.name = 'signature-confirmation'
  RETURNING id
)
SELECT inserted.id FROM inserted, job;
