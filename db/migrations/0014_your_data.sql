CREATE TABLE "bulk_invalidation_items" (
	"invalidation_id" uuid NOT NULL,
	"signature_id" uuid NOT NULL,
	"previous_state" text NOT NULL,
	CONSTRAINT "bulk_invalidation_items_invalidation_id_signature_id_pk" PRIMARY KEY("invalidation_id","signature_id"),
	CONSTRAINT "bulk_invalidation_items_state_check" CHECK ("bulk_invalidation_items"."previous_state" in ('pending', 'confirmed'))
);
--> statement-breakpoint
CREATE TABLE "bulk_invalidations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"filter" jsonb NOT NULL,
	"invalidated" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone,
	"reversed_by" uuid,
	"restored" integer
);
--> statement-breakpoint
ALTER TABLE "email_suppressions" DROP CONSTRAINT "email_suppressions_reason_check";--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bulk_invalidation_items" ADD CONSTRAINT "bulk_invalidation_items_invalidation_id_bulk_invalidations_id_fk" FOREIGN KEY ("invalidation_id") REFERENCES "public"."bulk_invalidations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_invalidation_items" ADD CONSTRAINT "bulk_invalidation_items_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_invalidation_items_signature_idx" ON "bulk_invalidation_items" USING btree ("signature_id");--> statement-breakpoint
CREATE INDEX "bulk_invalidations_created_idx" ON "bulk_invalidations" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_reason_check" CHECK ("email_suppressions"."reason" in ('bounce', 'complaint', 'requested'));