CREATE TABLE "values_locks" (
	"unit_id" text NOT NULL,
	"year" integer NOT NULL,
	"locked_by" text NOT NULL,
	"locked_by_name" text,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "values_locks_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
