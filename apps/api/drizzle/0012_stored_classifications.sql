CREATE TABLE "stored_classifications" (
	"scope_id" text NOT NULL,
	"year" integer NOT NULL,
	"key" text NOT NULL,
	"data" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_classifications_scope_id_year_pk" PRIMARY KEY("scope_id","year")
);
--> statement-breakpoint
-- No change-feed trigger: a row is only served when its key (the content it was computed from) matches; nothing is cached from this table.
COMMENT ON TABLE "stored_classifications" IS 'Derived: a scope''s classification of a year (18.2 of the next year), keyed by the content it was computed from';
