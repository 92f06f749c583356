CREATE TABLE "email_suppressions" (
	"email_normalized" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_suppressions_reason_check" CHECK ("email_suppressions"."reason" in ('bounce', 'complaint'))
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"email_normalized" text NOT NULL,
	"locale" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"source" text NOT NULL,
	"consent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consent_wording_version" text NOT NULL,
	"token_nonce" text NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"manage_token_hash" text NOT NULL,
	"token_expires_at" timestamp with time zone NOT NULL,
	"confirmation_emails_sent" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "subscribers_state_check" CHECK ("subscribers"."state" in ('pending', 'confirmed', 'unsubscribed', 'suppressed')),
	CONSTRAINT "subscribers_source_check" CHECK ("subscribers"."source" in ('sign_form', 'standalone', 'rsvp')),
	CONSTRAINT "subscribers_locale_check" CHECK ("subscribers"."locale" in ('ru', 'kk', 'en')),
	CONSTRAINT "subscribers_emails_sent_check" CHECK ("subscribers"."confirmation_emails_sent" between 0 and 3)
);
--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_campaign_email_uq" ON "subscribers" USING btree ("campaign_id","email_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_confirm_token_uq" ON "subscribers" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_manage_token_uq" ON "subscribers" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "subscribers_deliverable_idx" ON "subscribers" USING btree ("campaign_id","id") WHERE "subscribers"."state" = 'confirmed';--> statement-breakpoint
CREATE INDEX "subscribers_email_idx" ON "subscribers" USING btree ("email_normalized");