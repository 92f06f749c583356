ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_state_check";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_state_check" CHECK ("campaigns"."state" in ('draft', 'pending_review', 'published'));