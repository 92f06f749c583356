ALTER TABLE "rsvps" DROP CONSTRAINT "rsvps_address_check";--> statement-breakpoint
DROP INDEX "signatures_petition_email_uq";--> statement-breakpoint
DROP INDEX "rsvps_rally_email_uq";--> statement-breakpoint
DROP INDEX "subscribers_campaign_email_uq";--> statement-breakpoint
DROP INDEX "subscribers_email_idx";--> statement-breakpoint
ALTER TABLE "signatures" ALTER COLUMN "email_normalized" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rsvps" ALTER COLUMN "name" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "rsvps" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
-- drizzle-kit cannot name the primary key it drops: 0011 created it as the column's PRIMARY KEY, so PostgreSQL named it.
ALTER TABLE "email_suppressions" DROP CONSTRAINT "email_suppressions_pkey";--> statement-breakpoint
ALTER TABLE "email_suppressions" ALTER COLUMN "email_normalized" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "subscribers" ALTER COLUMN "email_normalized" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "email_index" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "email_sealed" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "name_sealed" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "email_domain" text;--> statement-breakpoint
ALTER TABLE "rsvps" ADD COLUMN "email_index" text;--> statement-breakpoint
ALTER TABLE "rsvps" ADD COLUMN "email_sealed" text;--> statement-breakpoint
ALTER TABLE "rsvps" ADD COLUMN "name_sealed" text;--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD COLUMN "email_index" text;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "email_index" text;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "email_sealed" text;--> statement-breakpoint
CREATE INDEX "signatures_legacy_idx" ON "signatures" USING btree ("id") WHERE "signatures"."email_normalized" is not null or "signatures"."name" is not null;--> statement-breakpoint
CREATE INDEX "rsvps_legacy_idx" ON "rsvps" USING btree ("id") WHERE "rsvps"."email_normalized" is not null or "rsvps"."name" is not null;--> statement-breakpoint
CREATE INDEX "subscribers_legacy_idx" ON "subscribers" USING btree ("id") WHERE "subscribers"."email_normalized" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_petition_email_uq" ON "signatures" USING btree ("petition_id","email_index");--> statement-breakpoint
CREATE UNIQUE INDEX "rsvps_rally_email_uq" ON "rsvps" USING btree ("rally_id","email_index");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_campaign_email_uq" ON "subscribers" USING btree ("campaign_id","email_index");--> statement-breakpoint
CREATE INDEX "subscribers_email_idx" ON "subscribers" USING btree ("email_index");--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_email_index_uq" UNIQUE("email_index");--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_address_check" CHECK ("signatures"."email_index" is not null or "signatures"."email_normalized" is not null);--> statement-breakpoint
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_address_check" CHECK ("rsvps"."walk_in" or "rsvps"."email_index" is not null or "rsvps"."email_normalized" is not null);--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_key_check" CHECK ("email_suppressions"."email_index" is not null or "email_suppressions"."email_normalized" is not null);--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_address_check" CHECK ("subscribers"."email_index" is not null or "subscribers"."email_normalized" is not null);