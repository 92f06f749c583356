ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_state_check";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "consent_delivery" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "consent_delivery_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "consent_delivery_wording_version" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "name_hidden_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "signatures_public_names_idx" ON "signatures" USING btree ("petition_id","confirmed_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "signatures"."state" = 'confirmed' and "signatures"."show_name_publicly" and "signatures"."name_hidden_at" is null;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_state_check" CHECK ("campaigns"."state" in ('draft', 'pending_review', 'published'));