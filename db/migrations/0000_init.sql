CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"name" jsonb NOT NULL,
	"tagline" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_slug_unique" UNIQUE("slug"),
	CONSTRAINT "campaigns_state_check" CHECK ("campaigns"."state" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"role" jsonb NOT NULL,
	"residence" jsonb NOT NULL,
	"date_of_birth" date,
	"article" jsonb NOT NULL,
	"nationality" jsonb NOT NULL,
	"citizenship" jsonb NOT NULL,
	"education" jsonb NOT NULL,
	"health" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"biography" jsonb NOT NULL,
	"portrait_path" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"publisher" jsonb NOT NULL,
	"published_on" date,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"precision" text DEFAULT 'day' NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timeline_events_precision_check" CHECK ("timeline_events"."precision" in ('day', 'month', 'year'))
);
--> statement-breakpoint
CREATE TABLE "petition_count_shards" (
	"petition_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "petition_count_shards_petition_id_shard_pk" PRIMARY KEY("petition_id","shard")
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"target" jsonb NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"goal" integer NOT NULL,
	"deadline" timestamp with time zone,
	"delivery_note" jsonb,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_slug_unique" UNIQUE("slug"),
	CONSTRAINT "petitions_state_check" CHECK ("petitions"."state" in ('draft', 'published', 'closed', 'delivered', 'archived')),
	CONSTRAINT "petitions_goal_check" CHECK ("petitions"."goal" > 0)
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"email_normalized" text NOT NULL,
	"name" text NOT NULL,
	"locale" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"consent_updates" boolean DEFAULT false NOT NULL,
	"consent_updates_at" timestamp with time zone,
	"consent_wording_version" text,
	"show_name_publicly" boolean DEFAULT false NOT NULL,
	"token_hash" text NOT NULL,
	"token_expires_at" timestamp with time zone NOT NULL,
	"confirmation_emails_sent" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "signatures_state_check" CHECK ("signatures"."state" in ('pending', 'confirmed', 'invalidated', 'fraudulent', 'withdrawn')),
	CONSTRAINT "signatures_locale_check" CHECK ("signatures"."locale" in ('ru', 'kk', 'en')),
	CONSTRAINT "signatures_emails_sent_check" CHECK ("signatures"."confirmation_emails_sent" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "dev_mailbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"to" text NOT NULL,
	"from" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_mailbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "email_deliveries" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"template" text NOT NULL,
	"status" text NOT NULL,
	"provider_id" text,
	"attempts" smallint DEFAULT 1 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_count_shards" ADD CONSTRAINT "petition_count_shards_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sources_campaign_idx" ON "sources" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "timeline_events_campaign_idx" ON "timeline_events" USING btree ("campaign_id","occurred_on");--> statement-breakpoint
CREATE INDEX "petitions_campaign_idx" ON "petitions" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_petition_email_uq" ON "signatures" USING btree ("petition_id","email_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_token_hash_uq" ON "signatures" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signatures_petition_state_idx" ON "signatures" USING btree ("petition_id","state","confirmed_at");