-- pgbench: the bare SQL of one confirmation — the guarded pending → confirmed update and one more on a random
-- shard of the petition's count (db/queries/signatures.ts confirmPendingSignature + incrementConfirmedCount), in
-- one statement. The rows are 'pgc-<n>' pending signatures bench/pages/run.ts made; a random n already confirmed
-- updates nothing (a few percent of a 10 s run).
\set n random(1, 200000)
WITH confirmed AS (
  UPDATE signatures SET state = 'confirmed', confirmed_at = now(), updated_at = now()
  WHERE token_hash = 'pgc-' || :n AND state = 'pending' AND token_expires_at > now()
    AND EXISTS (SELECT 1 FROM petitions p WHERE p.id = signatures.petition_id AND p.state = 'published'
                AND (p.deadline IS NULL OR p.deadline > now()))
  RETURNING petition_id
)
INSERT INTO petition_count_shards (petition_id, shard, confirmed)
SELECT petition_id, floor(random() * 16)::smallint, 1 FROM confirmed
ON CONFLICT (petition_id, shard) DO UPDATE SET confirmed = petition_count_shards.confirmed + 1;
