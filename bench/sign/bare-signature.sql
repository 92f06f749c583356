-- pgbench: the bare SQL of one signature — the pending signature and its confirmation job, one transaction.
\set n random(1, 2000000000)
BEGIN;
INSERT INTO signatures (petition_id, email_normalized, name, locale, consent_updates, show_name_publicly,
  token_nonce, token_hash, token_expires_at, confirmation_emails_sent)
SELECT p.id, 'pgbench-' || :client_id || '-' || :n || '-' || md5(random()::text) || '@example.org', 'Bench Signer', 'ru',
  false, false, md5(random()::text), md5(random()::text) || md5(random()::text), now() + interval '14 days', 1
FROM petitions p WHERE p.slug = 'drop-the-charges' AND p.state = 'published' AND (p.deadline IS NULL OR p.deadline > now())
ON CONFLICT (petition_id, email_normalized) DO NOTHING;
INSERT INTO pgboss.job (id, name, data, expire_in, keep_until, retry_limit, retry_delay, retry_backoff, policy)
SELECT gen_random_uuid(), q.name, jsonb_build_object('signatureId', gen_random_uuid()), interval '60 seconds',
  now() + interval '7 days', q.retry_limit, q.retry_delay, q.retry_backoff, q.policy
FROM pgboss.queue q WHERE q.name = 'signature-confirmation';
COMMIT;
