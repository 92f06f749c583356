CREATE TABLE "rallies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Asia/Almaty' NOT NULL,
	"address" jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"map_url" text,
	"permit_status" text DEFAULT 'filed' NOT NULL,
	"permit_date" date,
	"permit_note" jsonb NOT NULL,
	"safety_note" jsonb NOT NULL,
	"accessibility_note" jsonb NOT NULL,
	"preparation" jsonb NOT NULL,
	"capacity" integer,
	"waitlist" boolean DEFAULT false NOT NULL,
	"show_attendee_count" boolean DEFAULT false NOT NULL,
	"report" jsonb,
	"cancel_note" jsonb,
	"sequence" integer DEFAULT 0 NOT NULL,
	"announced_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rallies_slug_unique" UNIQUE("slug"),
	CONSTRAINT "rallies_state_check" CHECK ("rallies"."state" in ('draft', 'announced', 'changed', 'held', 'cancelled')),
	CONSTRAINT "rallies_permit_check" CHECK ("rallies"."permit_status" in ('filed', 'agreed', 'refused', 'not_required')),
	CONSTRAINT "rallies_time_check" CHECK ("rallies"."ends_at" > "rallies"."starts_at" and "rallies"."ends_at" <= "rallies"."starts_at" + interval '24 hours'),
	CONSTRAINT "rallies_capacity_check" CHECK ("rallies"."capacity" is null or "rallies"."capacity" between 1 and 100000),
	CONSTRAINT "rallies_latitude_check" CHECK ("rallies"."latitude" is null or "rallies"."latitude" between -90 and 90),
	CONSTRAINT "rallies_longitude_check" CHECK ("rallies"."longitude" is null or "rallies"."longitude" between -180 and 180),
	CONSTRAINT "rallies_map_url_check" CHECK ("rallies"."map_url" is null or "rallies"."map_url" like 'https://%')
);
--> statement-breakpoint
CREATE TABLE "rally_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rally_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"message" jsonb,
	"sequence" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rally_notices" (
	"rsvp_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"rally_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rally_notices_rsvp_id_kind_key_pk" PRIMARY KEY("rsvp_id","kind","key"),
	CONSTRAINT "rally_notices_kind_check" CHECK ("rally_notices"."kind" in ('registered', 'waitlisted', 'promoted', 'day_before', 'day_of', 'changed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "rsvps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rally_id" uuid NOT NULL,
	"email_normalized" text,
	"name" text DEFAULT '' NOT NULL,
	"locale" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"consent_updates" boolean DEFAULT false NOT NULL,
	"consent_updates_at" timestamp with time zone,
	"consent_wording_version" text,
	"token_nonce" text NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"manage_token_hash" text NOT NULL,
	"token_expires_at" timestamp with time zone NOT NULL,
	"confirmation_emails_sent" smallint DEFAULT 0 NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"confirmed_at" timestamp with time zone,
	"waitlisted_at" timestamp with time zone,
	"still_coming_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rsvps_state_check" CHECK ("rsvps"."state" in ('pending', 'confirmed', 'waitlisted', 'cancelled')),
	CONSTRAINT "rsvps_locale_check" CHECK ("rsvps"."locale" in ('ru', 'kk', 'en')),
	CONSTRAINT "rsvps_emails_sent_check" CHECK ("rsvps"."confirmation_emails_sent" between 0 and 3),
	CONSTRAINT "rsvps_address_check" CHECK ("rsvps"."walk_in" or "rsvps"."email_normalized" is not null)
);
--> statement-breakpoint
ALTER TABLE "rallies" ADD CONSTRAINT "rallies_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rally_changes" ADD CONSTRAINT "rally_changes_rally_id_rallies_id_fk" FOREIGN KEY ("rally_id") REFERENCES "public"."rallies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rally_notices" ADD CONSTRAINT "rally_notices_rsvp_id_rsvps_id_fk" FOREIGN KEY ("rsvp_id") REFERENCES "public"."rsvps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rally_notices" ADD CONSTRAINT "rally_notices_rally_id_rallies_id_fk" FOREIGN KEY ("rally_id") REFERENCES "public"."rallies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_rally_id_rallies_id_fk" FOREIGN KEY ("rally_id") REFERENCES "public"."rallies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rallies_campaign_idx" ON "rallies" USING btree ("campaign_id","starts_at");--> statement-breakpoint
CREATE INDEX "rally_changes_rally_idx" ON "rally_changes" USING btree ("rally_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rally_changes_open_uq" ON "rally_changes" USING btree ("rally_id") WHERE "rally_changes"."notified_at" is null;--> statement-breakpoint
CREATE INDEX "rally_notices_rally_idx" ON "rally_notices" USING btree ("rally_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "rsvps_rally_email_uq" ON "rsvps" USING btree ("rally_id","email_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "rsvps_confirm_token_uq" ON "rsvps" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "rsvps_manage_token_uq" ON "rsvps" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "rsvps_rally_state_idx" ON "rsvps" USING btree ("rally_id","state","waitlisted_at");