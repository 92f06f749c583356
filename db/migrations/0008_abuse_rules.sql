CREATE TABLE "abuse_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"pattern" text NOT NULL,
	"display" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "abuse_rules_kind_check" CHECK ("abuse_rules"."kind" in ('block', 'allow')),
	CONSTRAINT "abuse_rules_type_check" CHECK ("abuse_rules"."type" in ('cidr', 'domain', 'email'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "abuse_rules_kind_type_pattern_uq" ON "abuse_rules" USING btree ("kind","type","pattern");