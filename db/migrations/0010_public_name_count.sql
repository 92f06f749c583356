ALTER TABLE "petition_count_shards" ADD COLUMN "named" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The names already on public lists, counted once into shard 0 (the shards counted confirmations only until now).
INSERT INTO "petition_count_shards" ("petition_id", "shard", "confirmed", "named")
SELECT "petition_id", 0, 0, count(*)::int FROM "signatures"
WHERE "state" = 'confirmed' AND "show_name_publicly" AND "name_hidden_at" IS NULL
GROUP BY "petition_id"
ON CONFLICT ("petition_id", "shard") DO UPDATE SET "named" = "petition_count_shards"."named" + excluded."named";
