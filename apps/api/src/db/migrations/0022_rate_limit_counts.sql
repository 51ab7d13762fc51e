-- Rate-limit counts shared by every API process (WORKERS, several hosts): decision 009. UNLOGGED: not written to
-- the WAL nor copied to replicas; a crash empties it, which only forgets at most a minute of counts.
CREATE UNLOGGED TABLE "rate_limit_counts" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_ends" timestamp with time zone NOT NULL
);
