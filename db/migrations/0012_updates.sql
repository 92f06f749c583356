CREATE TABLE "campaign_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"default_locale" text DEFAULT 'ru' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"recipients_total" integer,
	"fanout_cursor" uuid,
	"fanout_done_at" timestamp with time zone,
	"fanout_lease_until" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_updates_state_check" CHECK ("campaign_updates"."state" in ('draft', 'scheduled', 'sending', 'paused', 'cancelled', 'sent'))
);
--> statement-breakpoint
CREATE TABLE "update_deliveries" (
	"update_id" uuid NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"outbox_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "update_deliveries_update_id_subscriber_id_pk" PRIMARY KEY("update_id","subscriber_id")
);
--> statement-breakpoint
CREATE TABLE "update_texts" (
	"update_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "update_texts_update_id_locale_pk" PRIMARY KEY("update_id","locale")
);
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_deliveries" ADD CONSTRAINT "update_deliveries_update_id_campaign_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."campaign_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_deliveries" ADD CONSTRAINT "update_deliveries_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_deliveries" ADD CONSTRAINT "update_deliveries_outbox_id_email_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."email_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_texts" ADD CONSTRAINT "update_texts_update_id_campaign_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."campaign_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_updates_campaign_idx" ON "campaign_updates" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "campaign_updates_due_idx" ON "campaign_updates" USING btree ("state") WHERE "campaign_updates"."state" in ('scheduled', 'sending');--> statement-breakpoint
CREATE INDEX "update_deliveries_outbox_idx" ON "update_deliveries" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "email_outbox_open_idx" ON "email_outbox" USING btree ("kind") WHERE "email_outbox"."state" in ('queued', 'batched');