ALTER TABLE "signatures" ADD COLUMN "consent_delivery" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "consent_delivery_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "consent_delivery_wording_version" text;