CREATE TABLE "study_hours" (
	"person_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"tenant_id" integer NOT NULL,
	"hours" numeric(7, 1) NOT NULL,
	CONSTRAINT "study_hours_person_id_year_kind_pk" PRIMARY KEY("person_id","year","kind"),
	CONSTRAINT "study_hours_kind_check" CHECK ("kind" in ('rotation_town', 'rotation_county', 'branch_study', 'dengta_class', 'institute_course', 'field_school', 'candidate_training', 'online_study'))
);
--> statement-breakpoint
ALTER TABLE "study_hours" ADD CONSTRAINT "study_hours_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_hours" ADD CONSTRAINT "study_hours_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- 学时 kept by the database (issue 14). Read town-wide, as organisations are: a member's hours follow them from branch
-- to branch of the town, and the row is a person's number of hours, no more. The platform's role has no write policy:
-- only the functions below write, as the owner.
ALTER TABLE "study_hours" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "study_hours" FOR SELECT USING (app_scope_all() OR "tenant_id" = app_scope_tenant());--> statement-breakpoint
-- Recount these people's years from all their present lines. SECURITY DEFINER: every line of the person counts,
-- whoever's scope wrote the one that changed. The people's rows are locked first, in id order, so two transactions
-- writing lines of one person (two sessions saved at once) recount one after the other and the second, in a new
-- snapshot, sees the first's lines: neither's hours are lost. Row locks, not advisory ones, because an import or the
-- bench generator recounts tens of thousands of people in one statement. Each person's lines are summed by a lateral
-- join on their own lines (a join over the array let PostgreSQL hash every person and session of the database: 67 ms
-- for a 集中轮训 of 220 at city scale, 8 ms this way), and only rows whose figure changed are written.
CREATE FUNCTION study_hours_recount(ids integer[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM persons p WHERE p.id = ANY (ids) ORDER BY p.id FOR NO KEY UPDATE;
  WITH fresh AS (
    SELECT i.id AS person_id, h.year, h.kind, h.tenant_id, h.hours FROM unnest(ids) AS i(id)
    CROSS JOIN LATERAL (
      SELECT extract(year FROM s.starts_on)::integer AS year, s.kind, min(a.tenant_id) AS tenant_id, sum(a.hours_credited) AS hours
      FROM training_attendees a JOIN training_sessions s ON s.id = a.session_id
      WHERE a.person_id = i.id AND a.state = 'present'
      GROUP BY 1, 2
    ) h
  ), gone AS (
    DELETE FROM study_hours k WHERE k.person_id = ANY (ids)
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.person_id = k.person_id AND f.year = k.year AND f.kind = k.kind)
  )
  INSERT INTO study_hours AS k (person_id, year, kind, tenant_id, hours) SELECT * FROM fresh
  ON CONFLICT (person_id, year, kind) DO UPDATE SET hours = excluded.hours, tenant_id = excluded.tenant_id
    WHERE (k.hours, k.tenant_id) IS DISTINCT FROM (excluded.hours, excluded.tenant_id);
END
$$;--> statement-breakpoint
-- Once per statement (saving a session's attendance writes dozens of lines, an online-study import thousands). Each
-- branch is planned only when it runs: an INSERT trigger has no old_rows, a DELETE no new_rows. A session's deletion
-- cascades to its lines, so it is recounted here. Transition tables cannot be limited to columns, hence every update.
CREATE FUNCTION study_hours_lines_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM study_hours_recount(ARRAY(SELECT DISTINCT person_id FROM new_rows WHERE person_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM study_hours_recount(ARRAY(SELECT DISTINCT person_id FROM old_rows WHERE person_id IS NOT NULL));
  ELSE
    PERFORM study_hours_recount(ARRAY(SELECT person_id FROM old_rows WHERE person_id IS NOT NULL
      UNION SELECT person_id FROM new_rows WHERE person_id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER study_hours_ins AFTER INSERT ON "training_attendees" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION study_hours_lines_changed();--> statement-breakpoint
CREATE TRIGGER study_hours_upd AFTER UPDATE ON "training_attendees" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION study_hours_lines_changed();--> statement-breakpoint
CREATE TRIGGER study_hours_del AFTER DELETE ON "training_attendees" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION study_hours_lines_changed();--> statement-breakpoint
-- A session moved to another year or given another kind moves its people's hours.
CREATE FUNCTION study_hours_sessions_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM study_hours_recount(ARRAY(SELECT DISTINCT a.person_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN training_attendees a ON a.session_id = n.id
    WHERE a.person_id IS NOT NULL AND (extract(year FROM o.starts_on) <> extract(year FROM n.starts_on) OR o.kind <> n.kind)));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER study_hours_sessions_upd AFTER UPDATE ON "training_sessions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION study_hours_sessions_changed();--> statement-breakpoint
SELECT study_hours_recount(ARRAY(SELECT DISTINCT person_id FROM training_attendees WHERE person_id IS NOT NULL));
