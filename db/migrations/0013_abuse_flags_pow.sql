CREATE TABLE "abuse_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"signatures" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	CONSTRAINT "abuse_flags_kind_check" CHECK ("abuse_flags"."kind" in ('client', 'domain')),
	CONSTRAINT "abuse_flags_resolution_check" CHECK ("abuse_flags"."resolution" is null or "abuse_flags"."resolution" in ('blocked', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "pow_spent" (
	"challenge" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "abuse_rules" DROP CONSTRAINT "abuse_rules_type_check";--> statement-breakpoint
ALTER TABLE "rsvps" DROP CONSTRAINT "rsvps_state_check";--> statement-breakpoint
ALTER TABLE "abuse_flags" ADD CONSTRAINT "abuse_flags_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "abuse_flags_subject_uq" ON "abuse_flags" USING btree ("petition_id","kind","subject","window_start");--> statement-breakpoint
CREATE INDEX "abuse_flags_open_idx" ON "abuse_flags" USING btree ("resolved_at","created_at");--> statement-breakpoint
CREATE INDEX "pow_spent_expires_idx" ON "pow_spent" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "abuse_rules" ADD CONSTRAINT "abuse_rules_type_check" CHECK ("abuse_rules"."type" in ('cidr', 'domain', 'email', 'client'));--> statement-breakpoint
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_state_check" CHECK ("rsvps"."state" in ('pending', 'confirmed', 'waitlisted', 'cancelled', 'fraudulent'));