CREATE TABLE "town_reads" (
	"tenant_id" integer NOT NULL,
	"reader" text NOT NULL,
	"version" bigint NOT NULL,
	"key" text NOT NULL,
	"body" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "town_reads_tenant_id_reader_pk" PRIMARY KEY("tenant_id","reader")
);
--> statement-breakpoint
CREATE TABLE "town_versions" (
	"tenant_id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "town_reads" ADD CONSTRAINT "town_reads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_versions" ADD CONSTRAINT "town_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The town's own rows, in the town's row scope (the scope's tenant read once per statement). Versions: read only.
ALTER TABLE "town_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "town_versions" FOR SELECT USING (
  (SELECT coalesce(current_setting('app.scope', true), '') = '*')
  OR "tenant_id"::text = (SELECT split_part(coalesce(current_setting('app.scope', true), ''), ':', 1)));--> statement-breakpoint
ALTER TABLE "town_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "town_reads" FOR ALL USING (
  (SELECT coalesce(current_setting('app.scope', true), '') = '*')
  OR "tenant_id"::text = (SELECT split_part(coalesce(current_setting('app.scope', true), ''), ':', 1)))
  WITH CHECK (
  (SELECT coalesce(current_setting('app.scope', true), '') = '*')
  OR "tenant_id"::text = (SELECT split_part(coalesce(current_setting('app.scope', true), ''), ':', 1)));--> statement-breakpoint
-- Raises a town's version, as the owner (the writer may not write versions).
CREATE FUNCTION town_version_raise(tid integer) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO town_versions AS v (tenant_id, version) VALUES (tid, 1)
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1
$$;--> statement-breakpoint
-- The tenant of an activity's row (attendance, checks, votes… carry only their activity), as the owner; none once the
-- activity is gone (its own deletion raised the version).
CREATE FUNCTION town_of_activity(aid integer) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT tenant_id FROM activities WHERE id = aid
$$;--> statement-breakpoint
-- At commit (a deferred trigger), once per transaction and town: the version is taken last, just before the commit
-- makes the rows and the version visible together, so a town's writers queue on it only for that instant and never
-- while holding other locks they wait on (the audit chain's, a row's). Without a SET clause, so the transaction-local
-- note of the towns already raised outlives the call.
CREATE FUNCTION town_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tid integer;
  done text := coalesce(current_setting('dj.town_touched', true), '');
BEGIN
  IF TG_ARGV[0] = 'activity' THEN
    tid := town_of_activity(CASE WHEN TG_OP = 'DELETE' THEN OLD.activity_id ELSE NEW.activity_id END);
  ELSIF TG_OP = 'DELETE' THEN
    tid := OLD.tenant_id;
  ELSE
    tid := NEW.tenant_id;
  END IF;
  IF tid IS NULL OR strpos(done, ',' || tid || ',') > 0 THEN RETURN NULL; END IF;
  PERFORM town_version_raise(tid);
  PERFORM set_config('dj.town_touched', CASE WHEN done = '' THEN ',' ELSE done END || tid || ',', true);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Every table with a tenant, but those a read writes or that only derive from others (audit lines, summaries and
-- snapshots, the versions and builds themselves, exports, notifications and the outbox), and the activity's rows.
-- db/checks.test keeps later tables to the same rule.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
      AND c.relname NOT IN ('audit_events', 'compliance_summaries', 'dashboard_snapshots', 'district_figures', 'district_board_versions',
        'district_boards', 'town_versions', 'town_reads', 'study_hours', 'exports', 'notifications', 'outbox')
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER town_touch AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION town_touch_row()', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['attendances', 'activity_checks', 'activity_reviews', 'activity_votes', 'appraisal_grades', 'attendance_responses', 'dengta_uploads']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER town_touch AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION town_touch_row(''activity'')', t);
  END LOOP;
END
$$;--> statement-breakpoint
-- Every town has its version from the start, so a read can store what it builds before the town's first write.
CREATE FUNCTION town_version_new() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO town_versions (tenant_id, version) VALUES (NEW.id, 1) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER town_version_new AFTER INSERT ON tenants FOR EACH ROW EXECUTE FUNCTION town_version_new();--> statement-breakpoint
INSERT INTO town_versions (tenant_id, version) SELECT id, 1 FROM tenants;
